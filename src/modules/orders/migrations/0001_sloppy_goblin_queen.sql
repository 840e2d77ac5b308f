CREATE SEQUENCE "public"."order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10001 CACHE 1;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "number" text;--> statement-breakpoint
-- Orders placed before numbers existed get theirs in the order they were placed, with the default prefix.
UPDATE "orders" SET "number" = 'OH-' || numbered.n::text
  FROM (SELECT id, nextval('order_number_seq') AS n
          FROM (SELECT id FROM "orders" ORDER BY placed_at, id) AS oldest_first) AS numbered
 WHERE "orders".id = numbered.id;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "number" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "orders_number_idx" ON "orders" USING btree ("number");
