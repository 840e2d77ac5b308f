CREATE TABLE "inbound_refs" (
	"connector_id" text NOT NULL,
	"kind" text NOT NULL,
	"external_id" text NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_refs_uq" ON "inbound_refs" USING btree ("connector_id","kind","external_id");