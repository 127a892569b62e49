import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

import { invalidSettings } from "@omni/core";

/** The settings of the business (mail, worker), checked when the package loads so a bad value is named at start. */
export const domainEnv = createEnv({
  server: {
    // Without it (development) outbox e-mail is only marked sent and staff read it in the admin.
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    MAIL_FROM: z.string().default("Omni <no-reply@omni.local>"),
    // Sweeps every 2 s instead of every minute: for the e2e journeys, which cannot wait for a minute.
    OMNI_WORKER_FAST: z.stringbool().default(false),
    // Webhooks may reach loopback and private addresses: the demo only (a receiver on localhost).
    OMNI_WEBHOOKS_ALLOW_PRIVATE: z.stringbool().default(false),
    // BENCHMARKS ONLY, never in production: order attempts per caller per minute instead of 30, so that a load
    // generator on one address (bench/peer.ts) can run its sequential checkouts. Unset: the normal limit.
    OMNI_BENCH_CHECKOUT_LIMIT: z.coerce.number().int().min(1).optional(),
    // The key the test bank signs its transfer notifications with (a Przelewy24-style CRC key).
    OMNI_TEST_BANK_CRC: z.string().min(8).default("omni-test-bank-crc"),
    // The shop's public address, for links in messages (verify the address, set a new password, cart
    // reminders, back in stock, review requests). Set it in production.
    OMNI_WEB_URL: z.url().default("http://localhost:3000"),
    // The apps' signing secret (next-auth's): it also signs the "unsubscribe" link of marketing e-mail, so the
    // worker that writes those e-mails needs it. Required in production; development falls back to a fixed key.
    AUTH_SECRET: z.string().optional(),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    // SMS: "smsapi" sends through SMSAPI's HTTP API with SMSAPI_TOKEN; "dev" (default) records what it would send.
    SMS_PROVIDER: z.enum(["dev", "smsapi"]).default("dev"),
    SMSAPI_TOKEN: z.string().optional(),
    SMSAPI_URL: z.url().default("https://api.smsapi.pl/sms.do"),
    SMS_FROM: z.string().max(11).default("Omni"),
    // Hours of idleness after which an abandoned cart gets its reminders (at most one sequence).
    OMNI_CART_REMINDER_HOURS: z
      .string()
      .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, "must be hours separated by commas, such as 1,24")
      .default("1,24"),
    // Product pictures: a local folder (default `.data/images` at the repository's root), or an S3-compatible bucket
    // when OMNI_IMAGES_S3_BUCKET is set (endpoint, region and keys beside it; MinIO, R2, Spaces and AWS all fit).
    OMNI_IMAGES_DIR: z.string().optional(),
    OMNI_IMAGES_S3_BUCKET: z.string().optional(),
    OMNI_IMAGES_S3_ENDPOINT: z.url().default("https://s3.amazonaws.com"),
    OMNI_IMAGES_S3_REGION: z.string().default("us-east-1"),
    OMNI_IMAGES_S3_ACCESS_KEY_ID: z.string().optional(),
    OMNI_IMAGES_S3_SECRET_ACCESS_KEY: z.string().optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    throw invalidSettings(issues);
  },
});
