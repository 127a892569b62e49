/**
 * The NOTIFY channel on which the triggers of migration 0016 announce changes to what the apps keep in memory, and
 * the topics they name. The payload is one topic; a cache drops every answer that depends on it.
 */
export const READ_CACHE_CHANNEL = "omni_read_cache";
export const readCacheTopics = ["catalog", "stock", "stores"] as const;
export type ReadCacheTopic = (typeof readCacheTopics)[number];
