import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";

import { normalizeCode } from "@omni/core";
import { hashToken, kioskDevices, kioskPairingCodes, type Database, type DbOrTx } from "@omni/db";

import {
  canManage,
  forbidden,
  notFound,
  randomCode,
  randomSecret,
  recordAudit,
  withCodeLimit,
  type Actor,
} from "../kernel";
import { findLocation } from "../stores";

const PAIRING_MINUTES = 15;

/** A one-time code a manager types into a new kiosk to make it a device of their store. */
export async function createPairingCode(db: Database, actor: Actor, input: { storeId: string }) {
  if (!canManage(actor, input.storeId))
    throw forbidden("Only a manager of this store can pair kiosks.", { reason: "manager_only" });
  return db.transaction(async (tx) => {
    const store = await findLocation(tx, input.storeId);
    if (store.type !== "store") throw notFound(`Store ${input.storeId}`, "store_not_found", { store: input.storeId });
    const code = randomCode(8);
    const expiresAt = new Date(Date.now() + PAIRING_MINUTES * 60_000);
    await tx
      .insert(kioskPairingCodes)
      .values({ codeHash: hashToken(code), storeId: input.storeId, createdBy: actor.userId ?? null, expiresAt });
    await recordAudit(tx, actor, {
      action: "devices.createPairingCode",
      entityType: "store",
      entityId: input.storeId,
      storeId: input.storeId,
      after: { expiresAt },
    });
    return { code, storeId: input.storeId, expiresAt };
  });
}

/** Redeems a pairing code once: the kiosk receives its device token, which is stored only hashed. */
export async function pairDevice(db: Database, actor: Actor, input: { code: string; name?: string }) {
  return withCodeLimit(db, actor, () =>
    db.transaction(async (tx) => {
      const [pairing] = await tx
        .select()
        .from(kioskPairingCodes)
        .where(
          and(
            eq(kioskPairingCodes.codeHash, hashToken(normalizeCode(input.code))),
            isNull(kioskPairingCodes.usedAt),
            gt(kioskPairingCodes.expiresAt, sql`now()`),
          ),
        )
        .for("update");
      if (!pairing) throw notFound("This pairing code", "pairing_code_not_found");
      const token = randomSecret(32);
      const store = await findLocation(tx, pairing.storeId);
      const [count] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(kioskDevices)
        .where(eq(kioskDevices.storeId, pairing.storeId));
      const [device] = await tx
        .insert(kioskDevices)
        .values({
          storeId: pairing.storeId,
          // Named as a clerk says it ("Kiosk 2 · Kraków"), not by the store's identifier.
          name: input.name?.trim() || `Kiosk ${(count?.n ?? 0) + 1} · ${store.city}`,
          tokenHash: hashToken(token),
        })
        .returning();
      await tx
        .update(kioskPairingCodes)
        .set({ usedAt: new Date(), deviceId: device!.id })
        .where(eq(kioskPairingCodes.codeHash, pairing.codeHash));
      await recordAudit(
        tx,
        { ...actor, deviceId: device!.id },
        {
          action: "devices.pair",
          entityType: "device",
          entityId: device!.id,
          storeId: pairing.storeId,
          after: { name: device!.name },
        },
      );
      return { token, deviceId: device!.id, storeId: pairing.storeId, name: device!.name };
    }),
  );
}

export async function listDevices(db: DbOrTx, actor: Actor, input: { storeId?: string }) {
  const storeIds =
    actor.role === "admin"
      ? input.storeId
        ? [input.storeId]
        : null
      : actor.storeIds.filter((s) => !input.storeId || s === input.storeId);
  if (storeIds && !storeIds.length) return [];
  return db
    .select({
      id: kioskDevices.id,
      storeId: kioskDevices.storeId,
      name: kioskDevices.name,
      createdAt: kioskDevices.createdAt,
      lastSeenAt: kioskDevices.lastSeenAt,
      revokedAt: kioskDevices.revokedAt,
    })
    .from(kioskDevices)
    .where(storeIds ? inArray(kioskDevices.storeId, storeIds) : undefined)
    .orderBy(asc(kioskDevices.storeId), asc(kioskDevices.name));
}

/** Revoking locks the kiosk at once: its token stops authenticating on the next request. */
export async function revokeDevice(db: Database, actor: Actor, input: { deviceId: string }) {
  return db.transaction(async (tx) => {
    const [device] = await tx.select().from(kioskDevices).where(eq(kioskDevices.id, input.deviceId)).for("update");
    if (!device) throw notFound("This device", "device_not_found");
    if (!canManage(actor, device.storeId))
      throw forbidden("Only a manager of this store can revoke its kiosks.", { reason: "manager_only" });
    const revokedAt = device.revokedAt ?? new Date();
    await tx.update(kioskDevices).set({ revokedAt }).where(eq(kioskDevices.id, device.id));
    await recordAudit(tx, actor, {
      action: "devices.revoke",
      entityType: "device",
      entityId: device.id,
      storeId: device.storeId,
      before: { revokedAt: device.revokedAt },
      after: { revokedAt },
    });
    return { id: device.id, storeId: device.storeId, name: device.name, revokedAt };
  });
}
