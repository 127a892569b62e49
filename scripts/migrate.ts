import { runMigrations } from "@omni/db";

// Applies the committed migrations to DATABASE_URL and exits: the compose file runs it once before the apps.
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
await runMigrations(url);
console.log("Migrations applied.");
process.exit(0);
