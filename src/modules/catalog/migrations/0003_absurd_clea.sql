-- Trigram similarity (typo-tolerant search, indexed ILIKE); PGlite loads the pg_trgm contrib module.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TABLE "catalog_search_terms" (
	"term" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_product_texts" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(case locale when 'en' then 'english'::regconfig when 'nl' then 'dutch'::regconfig
  when 'es' then 'spanish'::regconfig when 'sv' then 'swedish'::regconfig when 'de' then 'german'::regconfig
  when 'fr' then 'french'::regconfig when 'it' then 'italian'::regconfig when 'da' then 'danish'::regconfig
  when 'fi' then 'finnish'::regconfig when 'pt' then 'portuguese'::regconfig else 'simple'::regconfig end, title), 'A')
          || setweight(to_tsvector(case locale when 'en' then 'english'::regconfig when 'nl' then 'dutch'::regconfig
  when 'es' then 'spanish'::regconfig when 'sv' then 'swedish'::regconfig when 'de' then 'german'::regconfig
  when 'fr' then 'french'::regconfig when 'it' then 'italian'::regconfig when 'da' then 'danish'::regconfig
  when 'fi' then 'finnish'::regconfig when 'pt' then 'portuguese'::regconfig else 'simple'::regconfig end, description), 'B')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "catalog_search_terms_trgm_idx" ON "catalog_search_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_product_texts_search_idx" ON "catalog_product_texts" USING gin ("search");--> statement-breakpoint
CREATE INDEX "catalog_product_texts_title_trgm_idx" ON "catalog_product_texts" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_products_handle_trgm_idx" ON "catalog_products" USING gin ("handle" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_variants_sku_trgm_idx" ON "catalog_variants" USING gin ("sku" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_variants_options_idx" ON "catalog_variants" USING gin ("options");--> statement-breakpoint
INSERT INTO "catalog_search_terms" ("term") SELECT DISTINCT w FROM "catalog_product_texts", unnest(tsvector_to_array(to_tsvector('simple', "title"))) AS w WHERE length(w) >= 2 ON CONFLICT DO NOTHING;
