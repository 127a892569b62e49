-- The apps keep public catalogue reads in memory (packages/api/src/read-cache.ts). Every change that could alter
-- such an answer sends NOTIFY omni_read_cache, '<topic>' from the writer's own transaction, so it reaches every app
-- process exactly when the change commits (and never when it rolls back), whichever use-case, import or script wrote it.
-- Topics: catalog (products, variants, prices, categories, promotions, pictures, published reviews), stores
-- (locations, settings), stock (a stock level crossed between "some available" and "none").
CREATE OR REPLACE FUNCTION omni_notify_read_cache() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('omni_read_cache', TG_ARGV[0]);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER products_read_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON products
  FOR EACH STATEMENT EXECUTE FUNCTION omni_notify_read_cache('catalog');--> statement-breakpoint
CREATE TRIGGER variants_read_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON variants
  FOR EACH STATEMENT EXECUTE FUNCTION omni_notify_read_cache('catalog');--> statement-breakpoint
CREATE TRIGGER categories_read_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
  FOR EACH STATEMENT EXECUTE FUNCTION omni_notify_read_cache('catalog');--> statement-breakpoint
CREATE TRIGGER promotions_read_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON promotions
  FOR EACH STATEMENT EXECUTE FUNCTION omni_notify_read_cache('catalog');--> statement-breakpoint
CREATE TRIGGER product_images_read_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON product_images
  FOR EACH STATEMENT EXECUTE FUNCTION omni_notify_read_cache('catalog');--> statement-breakpoint
CREATE TRIGGER reviews_read_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reviews
  FOR EACH STATEMENT EXECUTE FUNCTION omni_notify_read_cache('catalog');--> statement-breakpoint
CREATE TRIGGER locations_read_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON locations
  FOR EACH STATEMENT EXECUTE FUNCTION omni_notify_read_cache('stores');--> statement-breakpoint
CREATE TRIGGER settings_read_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION omni_notify_read_cache('stores');--> statement-breakpoint
-- Stock changes on every order, but cached answers only say "in stock" or not (per product, per store): notify only
-- when a row crosses between some and none, so checkouts do not empty the cache. Statement-level with transition
-- tables: one check per statement, cheap for a checkout's few rows and for a bulk load alike.
CREATE OR REPLACE FUNCTION omni_notify_stock_crossing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM 1 FROM new_rows n WHERE n.on_hand - n.held - n.safety_stock > 0 LIMIT 1;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM 1 FROM old_rows o WHERE o.on_hand - o.held - o.safety_stock > 0 LIMIT 1;
  ELSE
    PERFORM 1 FROM old_rows o JOIN new_rows n USING (location_id, sku)
      WHERE (o.on_hand - o.held - o.safety_stock > 0) <> (n.on_hand - n.held - n.safety_stock > 0) LIMIT 1;
  END IF;
  IF FOUND THEN
    PERFORM pg_notify('omni_read_cache', 'stock');
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER stock_levels_read_cache_insert AFTER INSERT ON stock_levels
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION omni_notify_stock_crossing();--> statement-breakpoint
CREATE TRIGGER stock_levels_read_cache_update AFTER UPDATE ON stock_levels
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION omni_notify_stock_crossing();--> statement-breakpoint
CREATE TRIGGER stock_levels_read_cache_delete AFTER DELETE ON stock_levels
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION omni_notify_stock_crossing();
