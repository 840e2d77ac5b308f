DROP INDEX "events_type_idx";--> statement-breakpoint
CREATE INDEX "events_cart_repriced_idx" ON "events" USING btree ("position") WHERE "events"."type" = 'cart.repriced';