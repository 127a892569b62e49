export * from "./client";
export * from "./schema";
export { runMigrations, migrationsFolder } from "./migrate";
