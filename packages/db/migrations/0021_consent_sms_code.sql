ALTER TABLE "consents" ADD COLUMN "confirm_code_hash" text;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "confirm_attempts" integer DEFAULT 0 NOT NULL;