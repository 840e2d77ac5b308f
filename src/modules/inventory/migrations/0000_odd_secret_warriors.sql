CREATE TABLE "inventory_channel_locations" (
	"channel_id" text NOT NULL,
	"location_id" text NOT NULL,
	"priority" integer NOT NULL,
	CONSTRAINT "inventory_channel_locations_channel_id_location_id_pk" PRIMARY KEY("channel_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "inventory_channels" (
	"channel_id" text PRIMARY KEY NOT NULL,
	"safety_buffer" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_levels" (
	"sku" text NOT NULL,
	"location_id" text NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventory_levels_sku_location_id_pk" PRIMARY KEY("sku","location_id"),
	CONSTRAINT "inventory_levels_on_hand_nonnegative" CHECK ("inventory_levels"."on_hand" >= 0),
	CONSTRAINT "inventory_levels_reserved_within_on_hand" CHECK ("inventory_levels"."reserved" >= 0 and "inventory_levels"."reserved" <= "inventory_levels"."on_hand")
);
--> statement-breakpoint
CREATE TABLE "inventory_locations" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"address" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inventory_locations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "inventory_movements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inventory_movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sku" text NOT NULL,
	"location_id" text NOT NULL,
	"kind" text NOT NULL,
	"on_hand_delta" integer DEFAULT 0 NOT NULL,
	"reserved_delta" integer DEFAULT 0 NOT NULL,
	"reason" text,
	"actor" text NOT NULL,
	"reservation_id" text,
	"adjustment_id" text,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_reservations" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"channel_id" text NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"lines" jsonb NOT NULL,
	"idempotency_key" text,
	"reference" text,
	"expires_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inventory_channel_locations_location_idx" ON "inventory_channel_locations" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "inventory_levels_location_idx" ON "inventory_levels" USING btree ("location_id","sku");--> statement-breakpoint
CREATE INDEX "inventory_movements_sku_idx" ON "inventory_movements" USING btree ("sku","location_id","id");--> statement-breakpoint
CREATE INDEX "inventory_movements_location_idx" ON "inventory_movements" USING btree ("location_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_reservations_idempotency_idx" ON "inventory_reservations" USING btree ("channel_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "inventory_reservations_expiry_idx" ON "inventory_reservations" USING btree ("expires_at") WHERE status = 'held' and expires_at is not null;--> statement-breakpoint
CREATE INDEX "inventory_reservations_sku_idx" ON "inventory_reservations" USING btree ("sku","status");--> statement-breakpoint
CREATE INDEX "inventory_reservations_reference_idx" ON "inventory_reservations" USING btree ("reference");