CREATE TABLE "till_sales" (
	"cart_id" text PRIMARY KEY NOT NULL,
	"till_channel_id" text NOT NULL,
	"status" text NOT NULL,
	"name" text,
	"parked_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "till_sales" ADD CONSTRAINT "till_sales_cart_id_carts_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."carts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "till_sales_open_idx" ON "till_sales" USING btree ("till_channel_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "till_sales_till_idx" ON "till_sales" USING btree ("till_channel_id","status");