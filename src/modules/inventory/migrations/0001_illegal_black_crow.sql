DROP INDEX "inventory_reservations_sku_idx";--> statement-breakpoint
DROP INDEX "inventory_reservations_idempotency_idx";--> statement-breakpoint
DROP INDEX "inventory_reservations_reference_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_reservations_idempotency_idx" ON "inventory_reservations" USING btree ("channel_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "inventory_reservations_reference_idx" ON "inventory_reservations" USING btree ("reference") WHERE reference is not null;