CREATE TABLE "catalog_option_labels" (
	"option" text NOT NULL,
	"value" text NOT NULL,
	"locale" text NOT NULL,
	"label" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_option_labels_option_value_locale_pk" PRIMARY KEY("option","value","locale")
);
