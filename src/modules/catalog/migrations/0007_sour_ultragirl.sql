DROP INDEX "catalog_search_terms_trgm_idx";--> statement-breakpoint
CREATE INDEX "catalog_search_terms_trgm_gist_idx" ON "catalog_search_terms" USING gist ("term" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_search_terms_prefix_idx" ON "catalog_search_terms" USING btree ("term" text_pattern_ops);--> statement-breakpoint
-- Numbers are not typo candidates (see upsertTextRows): a number off by a digit is another number.
DELETE FROM "catalog_search_terms" WHERE "term" ~ '^[0-9]+$';
