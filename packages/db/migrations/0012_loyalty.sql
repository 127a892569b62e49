CREATE TABLE "loyalty_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"points" integer NOT NULL,
	"order_id" uuid,
	"order_number" text,
	"return_id" uuid,
	"channel" text,
	"reason" text,
	"actor_user_id" uuid,
	"expires_at" timestamp with time zone,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_entries_points_nonzero" CHECK ("loyalty_entries"."points" <> 0)
);
--> statement-breakpoint
CREATE TABLE "loyalty_members" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"reminded_through" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_members_points_nonneg" CHECK ("loyalty_members"."points" >= 0)
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "points_redeemed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "points_minor" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "returns" ADD COLUMN "goods_worth_minor" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "returns" ADD COLUMN "points_back" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "returns" ADD COLUMN "exchange" jsonb;--> statement-breakpoint
ALTER TABLE "returns" ADD COLUMN "amount_due_minor" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "returns" ADD COLUMN "exchange_order_id" uuid;--> statement-breakpoint
ALTER TABLE "loyalty_entries" ADD CONSTRAINT "loyalty_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_members" ADD CONSTRAINT "loyalty_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "loyalty_entries_user_idx" ON "loyalty_entries" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "loyalty_entries_order_idx" ON "loyalty_entries" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_entries_earned_once" ON "loyalty_entries" USING btree ("order_id") WHERE "loyalty_entries"."type" = 'earned';--> statement-breakpoint
-- The points ledger is append-only: a mistake is corrected by a new entry, never by rewriting one.
CREATE FUNCTION "loyalty_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'loyalty_entries is append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "loyalty_entries_no_update" BEFORE UPDATE ON "loyalty_entries" FOR EACH ROW EXECUTE FUNCTION "loyalty_entries_append_only"();
