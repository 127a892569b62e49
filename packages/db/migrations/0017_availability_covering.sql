-- Stock read from indexes alone. stock_levels_sku_idx becomes (sku, location_id) and carries the columns the reads
-- use: the availability of one SKU in every location (a product page asks on every view; 56 locations at the scale
-- seed) is one index-only range, and "in stock in this store" for each of thousands of variants (facets, listings)
-- an index-only probe, instead of a visit to a heap page per row. The open holds of a SKU are found by SKU with what
-- is summed, instead of one probe per location. INCLUDE is PostgreSQL's and drizzle cannot express it: the schema
-- declares both indexes without it. Cost: a stock update changes an indexed column, so it is no longer a HOT update.
DROP INDEX "stock_levels_sku_idx";--> statement-breakpoint
CREATE INDEX "stock_holds_open_sku_idx" ON "stock_holds" USING btree ("sku") INCLUDE ("location_id", "quantity", "expires_at") WHERE "stock_holds"."released_at" is null;--> statement-breakpoint
CREATE INDEX "stock_levels_sku_idx" ON "stock_levels" USING btree ("sku","location_id") INCLUDE ("on_hand", "held", "safety_stock", "aisle");
