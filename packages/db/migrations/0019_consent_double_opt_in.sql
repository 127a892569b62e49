ALTER TABLE "consents" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "confirm_token_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "consents_confirm_token_idx" ON "consents" USING btree ("confirm_token_hash");--> statement-breakpoint
-- Grants recorded before double opt-in stay in force: they count as confirmed when they were given.
UPDATE "consents" SET "confirmed_at" = "at" WHERE "granted";
