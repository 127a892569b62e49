-- pg_trgm (a trusted contrib extension, shipped with embedded-postgres) backs the trigram index on SKUs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "products_listing_idx" ON "products" USING btree ("featured" DESC NULLS FIRST,"slug") WHERE "products"."active";--> statement-breakpoint
CREATE INDEX "variants_sku_trgm_idx" ON "variants" USING gin ("sku" gin_trgm_ops);