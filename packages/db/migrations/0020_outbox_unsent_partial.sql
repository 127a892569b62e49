DROP INDEX "outbox_unsent_idx";--> statement-breakpoint
CREATE INDEX "outbox_unsent_idx" ON "outbox" USING btree ("id") WHERE "outbox"."sent_at" is null and "outbox"."dead_at" is null;