CREATE TABLE "product_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"colour" text,
	"position" integer DEFAULT 0 NOT NULL,
	"storage_key" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "has_active_variant" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "product_images" ADD CONSTRAINT "product_images_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_images_product_idx" ON "product_images" USING btree ("product_id","position");--> statement-breakpoint
-- Kept by statement-level triggers with transition tables, so a bulk insert of 100k variants (the scale seed, a CSV
-- import) updates each product once instead of once per variant.
CREATE OR REPLACE FUNCTION omni_products_mark_sellable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE products p SET has_active_variant = true
  WHERE p.id IN (SELECT product_id FROM new_rows WHERE active) AND NOT p.has_active_variant;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION omni_products_recheck_sellable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only rows whose flag really changes are written: rewriting a product re-indexes its search columns, and a
  -- price change (the most common update of a variant) never changes the flag.
  UPDATE products p SET has_active_variant = NOT p.has_active_variant
  WHERE p.id IN (SELECT product_id FROM old_rows)
    AND p.has_active_variant <> EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.active);
  IF TG_OP = 'UPDATE' THEN
    UPDATE products p SET has_active_variant = NOT p.has_active_variant
    WHERE p.id IN (SELECT product_id FROM changed_rows)
      AND p.has_active_variant <> EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.active);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER variants_sellable_insert AFTER INSERT ON variants
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION omni_products_mark_sellable();--> statement-breakpoint
CREATE TRIGGER variants_sellable_update AFTER UPDATE ON variants
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION omni_products_recheck_sellable();--> statement-breakpoint
CREATE TRIGGER variants_sellable_delete AFTER DELETE ON variants
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION omni_products_recheck_sellable();--> statement-breakpoint
UPDATE products p SET has_active_variant = EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id AND v.active);
