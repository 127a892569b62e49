-- Availability of one SKU in every location (a product page asks on every view) from indexes alone:
-- stock_levels_sku_idx keeps its name and key but carries the columns the availability reads, so the 56 stock rows
-- of a SKU are an index-only scan (a few pages of one index, not a heap page per location once stock has moved);
-- the open holds of a SKU are found by SKU with what is summed, instead of one probe per location.
-- INCLUDE is PostgreSQL's, which drizzle cannot express: the schema declares both indexes without it.
DROP INDEX IF EXISTS "stock_levels_sku_idx";--> statement-breakpoint
CREATE INDEX "stock_levels_sku_idx" ON "stock_levels" USING btree ("sku") INCLUDE ("location_id", "on_hand", "held", "safety_stock", "aisle");--> statement-breakpoint
CREATE INDEX "stock_holds_open_sku_idx" ON "stock_holds" USING btree ("sku") INCLUDE ("location_id", "quantity", "expires_at") WHERE "stock_holds"."released_at" is null;
