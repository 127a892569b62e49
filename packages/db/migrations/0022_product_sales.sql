CREATE TABLE "product_sales" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"sold" integer NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_sales" ADD CONSTRAINT "product_sales_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The bestsellers as they stand, so that recommendations rank them before the sweep's first run.
INSERT INTO "product_sales" ("product_id", "sold")
SELECT v.product_id, sum(ol.quantity - ol.declined_quantity)::int
FROM "order_lines" ol JOIN "orders" o ON o.id = ol.order_id JOIN "variants" v ON v.sku = ol.sku
WHERE o.status NOT IN ('cancelled', 'expired')
GROUP BY v.product_id;
