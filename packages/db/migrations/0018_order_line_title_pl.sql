ALTER TABLE "order_lines" ADD COLUMN "title_pl" text;--> statement-breakpoint
-- Kiosks paired before were named after the store's identifier ("Kiosk krakow 1"); a clerk reads the city.
UPDATE "kiosk_devices" AS d SET "name" = 'Kiosk ' || substring(d."name" from '(\d+)$') || ' · ' || l."city"
FROM "locations" AS l
WHERE l."id" = d."store_id" AND d."name" ~ ('^Kiosk ' || d."store_id" || ' \d+$');
