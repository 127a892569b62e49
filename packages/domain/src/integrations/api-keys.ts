import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";

import { apiKeys, hashToken, locations, type ApiScope, type Database } from "@omni/db";

import { badRequest, consumeOrRefuse, notFound, randomSecret, recordAudit, type Actor } from "../kernel";

/** Every key starts so, which tells it apart from a kiosk device token in an Authorization header. */
export const apiKeyPrefix = "omni_sk_";

export const isApiKey = (token: string) => token.startsWith(apiKeyPrefix);

/** Creates a key; the key itself is answered once and only its hash is kept. */
export async function createApiKey(
  db: Database,
  actor: Actor,
  input: { name: string; scopes: ApiScope[]; storeId?: string | null },
) {
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw badRequest("Choose at least one scope.", { reason: "scope_required" });
  return db.transaction(async (tx) => {
    if (input.storeId) {
      const [store] = await tx.select({ id: locations.id }).from(locations).where(eq(locations.id, input.storeId));
      if (!store) throw notFound(`Store ${input.storeId}`, "store_not_found", { store: input.storeId });
    }
    const key = `${apiKeyPrefix}${randomSecret(32)}`;
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        prefix: key.slice(0, apiKeyPrefix.length + 6),
        tokenHash: hashToken(key),
        scopes,
        storeId: input.storeId ?? null,
        createdBy: actor.userId ?? null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: "apiKeys.create",
      entityType: "api_key",
      entityId: row!.id,
      storeId: input.storeId ?? undefined,
      after: { name: input.name, scopes, storeId: input.storeId ?? null },
    });
    return { id: row!.id, key, name: row!.name, prefix: row!.prefix, scopes, storeId: row!.storeId };
  });
}

export async function revokeApiKey(db: Database, actor: Actor, input: { id: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, input.id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    if (!row) throw notFound("This API key", "api_key_not_found");
    await recordAudit(tx, actor, { action: "apiKeys.revoke", entityType: "api_key", entityId: row.id });
    return { id: row.id, revoked: true };
  });
}

export async function listApiKeys(db: Database) {
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  return rows.map(({ tokenHash: _hash, ...key }) => key);
}

export type ApiKeyActor = { keyId: string; name: string; scopes: ApiScope[]; storeId: string | null };

/** The key behind a bearer token, or null if unknown or revoked. */
export async function authenticateApiKey(db: Database, token: string): Promise<ApiKeyActor | null> {
  if (!isApiKey(token) || token.length > 200) return null;
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.tokenHash, hashToken(token)), isNull(apiKeys.revokedAt)));
  if (!key) return null;
  // Kept to the minute: writing it on every request would serialise a busy client.
  await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(apiKeys.id, key.id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
  return { keyId: key.id, name: key.name, scopes: key.scopes, storeId: key.storeId };
}

/**
 * One call made with a key: refused beyond the key's rate limit, and written to the audit log whether
 * the call then succeeds or not (the log of what a key did is its record of use).
 */
export async function recordApiKeyUse(db: Database, actor: Actor, call: { path: string }) {
  if (!actor.apiKeyId) return;
  const key = `api-key:${actor.apiKeyId}`;
  await consumeOrRefuse(db, [["apiKey", key]]);
  await db.transaction((tx) =>
    recordAudit(tx, actor, {
      action: "apiKeys.use",
      entityType: "procedure",
      entityId: call.path,
      storeId: actor.storeIds.length === 1 ? actor.storeIds[0] : undefined,
    }),
  );
}
