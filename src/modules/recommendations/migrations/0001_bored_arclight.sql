CREATE TABLE "recommendation_returns" (
	"return_id" text NOT NULL,
	"product_id" text NOT NULL,
	CONSTRAINT "recommendation_returns_return_id_product_id_pk" PRIMARY KEY("return_id","product_id")
);
--> statement-breakpoint
ALTER TABLE "recommendation_basket_items" ADD COLUMN "units" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Items counted before units were kept: at least one unit was bought.
UPDATE "recommendation_basket_items" SET "units" = 1 WHERE "kind" = 'order';
