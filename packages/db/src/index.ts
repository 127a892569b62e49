export * from "./client";
export * from "./schema";
export { runMigrations, migrationsFolder } from "./migrate";
export { hashPassword, verifyPassword, hashToken } from "./password";
export { bulkInsert } from "./bulk-insert";
export { isRetryableTransactionError, onTransactionRetry, retryTransaction } from "./transaction-retry";
export { READ_CACHE_CHANNEL, readCacheTopics, type ReadCacheTopic } from "./read-cache-channel";
