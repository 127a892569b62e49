CREATE TABLE "analytics_daily" (
	"day" date NOT NULL,
	"location_id" text NOT NULL,
	"channel" text NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	"sold_orders" integer DEFAULT 0 NOT NULL,
	"revenue_minor" bigint DEFAULT 0 NOT NULL,
	"units_sold" integer DEFAULT 0 NOT NULL,
	"cogs_minor" bigint DEFAULT 0 NOT NULL,
	"costed_sales_minor" bigint DEFAULT 0 NOT NULL,
	"cc_orders" integer DEFAULT 0 NOT NULL,
	"cc_ready" integer DEFAULT 0 NOT NULL,
	"cc_collected" integer DEFAULT 0 NOT NULL,
	"ready_hours" double precision[] DEFAULT '{}' NOT NULL,
	"expired" integer DEFAULT 0 NOT NULL,
	"cancelled" integer DEFAULT 0 NOT NULL,
	"declined_lines" integer DEFAULT 0 NOT NULL,
	"returned_units" integer DEFAULT 0 NOT NULL,
	"reservations_created" integer DEFAULT 0 NOT NULL,
	"reservations_fulfilled" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_daily_day_location_id_channel_pk" PRIMARY KEY("day","location_id","channel")
);
--> statement-breakpoint
CREATE TABLE "analytics_returns_daily" (
	"day" date NOT NULL,
	"location_id" text NOT NULL,
	"channel" text NOT NULL,
	"reason" text NOT NULL,
	"units" integer NOT NULL,
	CONSTRAINT "analytics_returns_daily_day_location_id_channel_reason_pk" PRIMARY KEY("day","location_id","channel","reason")
);
--> statement-breakpoint
CREATE TABLE "analytics_state" (
	"key" text PRIMARY KEY NOT NULL,
	"last_event_id" bigint DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_stock" (
	"location_id" text PRIMARY KEY NOT NULL,
	"on_hand_units" bigint NOT NULL,
	"costed_units" bigint NOT NULL,
	"inventory_cost_minor" bigint NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demand_forecasts" (
	"location_id" text NOT NULL,
	"sku" text NOT NULL,
	"method" text NOT NULL,
	"demand_class" text NOT NULL,
	"adi" double precision NOT NULL,
	"cv2" double precision NOT NULL,
	"daily_demand" double precision NOT NULL,
	"error_rmse" double precision NOT NULL,
	"error_mae" double precision NOT NULL,
	"lead_time_days" integer NOT NULL,
	"service_level" double precision NOT NULL,
	"safety_stock" double precision NOT NULL,
	"reorder_point" double precision NOT NULL,
	"units_last_28_days" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demand_forecasts_location_id_sku_pk" PRIMARY KEY("location_id","sku")
);
--> statement-breakpoint
ALTER TABLE "variants" ADD COLUMN "unit_cost_minor" integer;--> statement-breakpoint
CREATE INDEX "analytics_daily_loc_day_idx" ON "analytics_daily" USING btree ("location_id","day");--> statement-breakpoint
ALTER TABLE "variants" ADD CONSTRAINT "variants_cost_nonneg" CHECK ("variants"."unit_cost_minor" >= 0);