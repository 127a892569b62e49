CREATE TABLE "catalog_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "catalog_words_trgm_idx" ON "catalog_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- The lexicon of typo correction: every word of the full text (both languages, titles and descriptions, folded), letters
-- only (a number is matched as typed). Words are only ever added: a word left by a withdrawn product corrects a query
-- to a word that finds nothing, which is what the query found anyway. Statement-level with a transition table, so the
-- scale seed's 10,000 products (or a CSV import) add their words in one statement; sorted, so that two writers take
-- the words' locks in the same order.
CREATE OR REPLACE FUNCTION omni_catalog_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalog_words (word)
  SELECT DISTINCT w FROM new_rows, unnest(tsvector_to_array(new_rows.search_vector)) w
  WHERE w ~ '^[[:alpha:]]{2,}$' ORDER BY w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER products_words_insert AFTER INSERT ON products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION omni_catalog_words_add();--> statement-breakpoint
CREATE TRIGGER products_words_update AFTER UPDATE ON products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION omni_catalog_words_add();--> statement-breakpoint
INSERT INTO catalog_words (word)
SELECT DISTINCT w FROM products, unnest(tsvector_to_array(products.search_vector)) w
WHERE w ~ '^[[:alpha:]]{2,}$'
ON CONFLICT DO NOTHING;
