import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";

import { normalizeTransferNumber } from "@omni/core";
import {
  orders,
  products,
  stockLevels,
  transferLines,
  transfers,
  variants,
  type Database,
  type DbOrTx,
  type TransferStatus,
  type Tx,
} from "@omni/db";

import { adjustOnHand, endHolds, lockStockRows, reserveStock } from "../inventory";
import {
  badRequest,
  canManage,
  forbidden,
  nextTransferNumber,
  notFound,
  notYourStore,
  recordAudit,
  runOnce,
  worksIn,
  type Actor,
} from "../kernel";
import { findLocation } from "../stores";
import { lockTransfer, OPEN_TRANSFER_STATUSES, transitionTransfer, type TransferRow } from "./transfer-state-machine";

export type TransferLineInput = { sku: string; quantity: number };

const bySku = <T extends { sku: string }>(a: T, b: T) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);

/** Lines of one SKU asked twice are one line; SKUs in a fixed order so that concurrent holds never deadlock. */
function mergeLines(lines: TransferLineInput[]): TransferLineInput[] {
  const merged = new Map<string, number>();
  for (const l of lines) merged.set(l.sku, (merged.get(l.sku) ?? 0) + l.quantity);
  return [...merged].map(([sku, quantity]) => ({ sku, quantity })).sort(bySku);
}

/**
 * Creates a transfer in the caller's transaction and holds its units at the source at once (CONFLICT
 * naming the SKU when the source cannot spare them). Ship-to-store orders call this with their order.
 */
export async function createTransferInTx(
  tx: Tx,
  actor: Actor,
  input: {
    fromStoreId: string;
    toStoreId: string;
    lines: TransferLineInput[];
    reason: string;
    orderId?: string;
  },
): Promise<TransferRow> {
  if (input.fromStoreId === input.toStoreId)
    throw badRequest("A transfer needs two different locations.", {
      reason: "transfer_same_location",
      field: "toStoreId",
    });
  if (!input.lines.length)
    throw badRequest("A transfer needs at least one line.", { reason: "transfer_empty", field: "lines" });
  const from = await findLocation(tx, input.fromStoreId);
  const to = await findLocation(tx, input.toStoreId);
  const lines = mergeLines(input.lines);
  const known = await tx
    .select({ sku: variants.sku })
    .from(variants)
    .where(
      inArray(
        variants.sku,
        lines.map((l) => l.sku),
      ),
    );
  const unknown = lines.find((l) => !known.some((k) => k.sku === l.sku));
  if (unknown) throw notFound(`SKU ${unknown.sku}`, "sku_not_found", { sku: unknown.sku });
  const number = await nextTransferNumber(tx);
  const [transfer] = await tx
    .insert(transfers)
    .values({
      number,
      fromLocationId: from.id,
      toLocationId: to.id,
      status: "requested",
      reason: input.reason,
      orderId: input.orderId ?? null,
      createdByUserId: actor.userId ?? null,
    })
    .returning();
  await tx.insert(transferLines).values(lines.map((l) => ({ transferId: transfer!.id, ...l })));
  await lockStockRows(
    tx,
    lines.map((l) => ({ locationId: from.id, sku: l.sku })),
  );
  for (const line of lines) {
    await reserveStock(tx, {
      locationId: from.id,
      sku: line.sku,
      quantity: line.quantity,
      kind: "transfer",
      ownerId: transfer!.id,
      actor,
      note: number,
    });
  }
  await recordAudit(tx, actor, {
    action: "transfers.create",
    entityType: "transfer",
    entityId: number,
    storeId: from.id,
    after: { toStoreId: to.id, lines, reason: input.reason },
  });
  return transfer!;
}

/** The contract's `transfers.create`: a manager of either store (or an admin) asks for goods or pushes them. */
export async function createTransfer(
  db: Database,
  actor: Actor,
  input: {
    fromStoreId: string;
    toStoreId: string;
    lines: TransferLineInput[];
    reason: string;
    idempotencyKey?: string;
  },
) {
  if (!canManage(actor, input.fromStoreId) && !canManage(actor, input.toStoreId))
    throw forbidden("Only a manager of one of the two stores can create this transfer.", {
      reason: "transfer_manager_only",
    });
  const create = async (tx: Tx) => {
    const transfer = await createTransferInTx(tx, actor, input);
    return { transferNumber: transfer.number, status: transfer.status };
  };
  // It holds stock at the source, so a retried request with its key must not hold it twice.
  const { idempotencyKey } = input;
  return db.transaction((tx) =>
    idempotencyKey
      ? runOnce(tx, actor, "transfers.create", { ...input, idempotencyKey }, () => create(tx))
      : create(tx),
  );
}

async function findTransfer(db: DbOrTx, transferNumber: string): Promise<TransferRow> {
  const [row] = await db
    .select()
    .from(transfers)
    .where(eq(transfers.number, normalizeTransferNumber(transferNumber)));
  if (!row) throw notFound(`Transfer ${transferNumber}`, "transfer_not_found", { transfer: transferNumber });
  return row;
}

/** Staff of the source ship: the held units leave its stock and are on their way. */
export async function shipTransfer(db: Database, actor: Actor, input: { transferNumber: string }) {
  return db.transaction(async (tx) => {
    const found = await findTransfer(tx, input.transferNumber);
    if (!worksIn(actor, found.fromLocationId))
      throw forbidden(`Only staff of the sending store can ship transfer ${found.number}.`, {
        reason: "transfer_sender_only",
        transfer: found.number,
      });
    const transfer = await transitionTransfer(tx, { transferId: found.id, to: "in_transit" });
    await endHolds(tx, {
      ownerId: transfer.id,
      mode: "consume",
      reason: "transfer_out",
      actor,
      note: transfer.number,
    });
    await recordAudit(tx, actor, {
      action: "transfers.ship",
      entityType: "transfer",
      entityId: transfer.number,
      storeId: transfer.fromLocationId,
      before: { status: found.status },
      after: { status: transfer.status },
    });
    return transferView(tx, transfer.id);
  });
}

export type ReceivedLine = { sku: string; quantity: number; lossReason?: string };

/**
 * Staff of the destination receive: what was sent joins its stock, and what did not arrive (fewer
 * `lines` than sent) leaves it again as a loss with its reason, so the ledger shows both. Goods for
 * a ship-to-store order are held for that order at once.
 */
export async function receiveTransfer(
  db: Database,
  actor: Actor,
  input: { transferNumber: string; lines?: ReceivedLine[] },
) {
  return db.transaction(async (tx) => {
    const found = await findTransfer(tx, input.transferNumber);
    if (!worksIn(actor, found.toLocationId))
      throw forbidden(`Only staff of the receiving store can receive transfer ${found.number}.`, {
        reason: "transfer_receiver_only",
        transfer: found.number,
      });
    const locked = await lockTransfer(tx, found.id);
    const sent = await tx
      .select()
      .from(transferLines)
      .where(eq(transferLines.transferId, locked.id))
      .orderBy(asc(transferLines.sku));
    const told = new Map<string, ReceivedLine>();
    for (const line of input.lines ?? []) {
      if (!sent.some((s) => s.sku === line.sku))
        throw badRequest(`${line.sku} is not on transfer ${locked.number}.`, {
          reason: "transfer_sku_unknown",
          transfer: locked.number,
          field: "lines",
          sku: line.sku,
        });
      if (told.has(line.sku))
        throw badRequest(`${line.sku} is listed twice.`, {
          reason: "transfer_sku_repeated",
          field: "lines",
          sku: line.sku,
        });
      told.set(line.sku, line);
    }
    const arrived = sent.map((s) => {
      const line = told.get(s.sku);
      const received = line ? line.quantity : s.quantity;
      if (received > s.quantity)
        throw badRequest(`${s.sku}: ${received} received, but only ${s.quantity} were sent.`, {
          reason: "transfer_received_too_many",
          received,
          sent: s.quantity,
          field: "lines",
          sku: s.sku,
        });
      return { ...s, received, lossReason: received < s.quantity ? line?.lossReason?.trim() || "Not received" : null };
    });
    const short = arrived.some((a) => a.received < a.quantity);
    const transfer = await transitionTransfer(tx, {
      transferId: locked.id,
      to: short ? "partly_received" : "received",
    });
    await lockStockRows(
      tx,
      arrived.map((l) => ({ locationId: transfer.toLocationId, sku: l.sku })),
    );
    for (const line of arrived) {
      await tx
        .update(transferLines)
        .set({ received: line.received, lossReason: line.lossReason })
        .where(eq(transferLines.id, line.id));
      await adjustOnHand(tx, {
        locationId: transfer.toLocationId,
        sku: line.sku,
        delta: line.quantity,
        reason: "transfer_in",
        actor,
        refType: "transfer",
        refId: transfer.number,
        note: transfer.number,
      });
      if (line.lossReason) {
        await adjustOnHand(tx, {
          locationId: transfer.toLocationId,
          sku: line.sku,
          delta: line.received - line.quantity,
          reason: "transfer_loss",
          actor,
          refType: "transfer",
          refId: transfer.number,
          note: `${transfer.number}: ${line.lossReason}`,
        });
      }
      if (transfer.orderId && line.received > 0) {
        await reserveStock(tx, {
          locationId: transfer.toLocationId,
          sku: line.sku,
          quantity: line.received,
          kind: "order",
          ownerId: transfer.orderId,
          actor,
          ignoreSafetyStock: true,
          note: transfer.number,
        });
      }
    }
    await recordAudit(tx, actor, {
      action: "transfers.receive",
      entityType: "transfer",
      entityId: transfer.number,
      storeId: transfer.toLocationId,
      before: { status: locked.status },
      after: { status: transfer.status, lines: arrived.map((a) => ({ sku: a.sku, received: a.received })) },
    });
    return transferView(tx, transfer.id);
  });
}

/** Cancels a transfer not yet shipped and gives its held units back to the source's shelf. */
export async function cancelTransferInTx(tx: Tx, actor: Actor, transfer: TransferRow, why: string) {
  const cancelled = await transitionTransfer(tx, { transferId: transfer.id, to: "cancelled" });
  await endHolds(tx, {
    ownerId: transfer.id,
    mode: "release",
    reason: "transfer_release",
    actor,
    note: `${transfer.number}: ${why}`,
  });
  return cancelled;
}

/** A manager of either store (or an admin) cancels a transfer that has not left. */
export async function cancelTransfer(db: Database, actor: Actor, input: { transferNumber: string; reason: string }) {
  return db.transaction(async (tx) => {
    const found = await findTransfer(tx, input.transferNumber);
    if (!canManage(actor, found.fromLocationId) && !canManage(actor, found.toLocationId))
      throw forbidden("Only a manager of one of the two stores can cancel this transfer.", {
        reason: "transfer_manager_only",
      });
    const cancelled = await cancelTransferInTx(tx, actor, found, input.reason);
    await recordAudit(tx, actor, {
      action: "transfers.cancel",
      entityType: "transfer",
      entityId: found.number,
      storeId: found.fromLocationId,
      before: { status: found.status },
      after: { status: cancelled.status, reason: input.reason },
    });
    return transferView(tx, found.id);
  });
}

/**
 * The transfers of an order that have not arrived. A ship-to-store order is closed only with these
 * cancelled (a transfer already on its way is left to arrive; its goods then simply join the shelf).
 */
export async function openTransfersOfOrder(tx: DbOrTx, orderId: string): Promise<TransferRow[]> {
  return tx
    .select()
    .from(transfers)
    .where(and(eq(transfers.orderId, orderId), inArray(transfers.status, OPEN_TRANSFER_STATUSES)))
    .orderBy(asc(transfers.number));
}

export async function cancelTransfersOfOrder(tx: Tx, actor: Actor, orderId: string, why: string): Promise<number> {
  let cancelled = 0;
  for (const transfer of await openTransfersOfOrder(tx, orderId)) {
    const locked = await lockTransfer(tx, transfer.id);
    if (locked.status !== "requested") continue;
    await cancelTransferInTx(tx, actor, locked, why);
    cancelled++;
  }
  return cancelled;
}

async function linesOf(db: DbOrTx, transferIds: string[]) {
  if (!transferIds.length) return [];
  const rows = await db
    .select({
      transferId: transferLines.transferId,
      sku: transferLines.sku,
      quantity: transferLines.quantity,
      received: transferLines.received,
      lossReason: transferLines.lossReason,
      variantTitle: variants.title,
      productTitle: products.title,
      aisle: stockLevels.aisle,
    })
    .from(transferLines)
    .innerJoin(transfers, eq(transfers.id, transferLines.transferId))
    .innerJoin(variants, eq(variants.sku, transferLines.sku))
    .innerJoin(products, eq(products.id, variants.productId))
    .leftJoin(
      stockLevels,
      and(eq(stockLevels.sku, transferLines.sku), eq(stockLevels.locationId, transfers.fromLocationId)),
    )
    .where(inArray(transferLines.transferId, transferIds))
    .orderBy(asc(stockLevels.aisle), asc(transferLines.sku));
  return rows;
}

type TransferListRow = TransferRow & { orderNumber: string | null };

async function toViews(db: DbOrTx, rows: TransferListRow[]) {
  const lines = await linesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    transferNumber: r.number,
    fromStoreId: r.fromLocationId,
    toStoreId: r.toLocationId,
    status: r.status,
    reason: r.reason,
    orderNumber: r.orderNumber ?? undefined,
    createdAt: r.createdAt,
    shippedAt: r.shippedAt,
    receivedAt: r.receivedAt,
    cancelledAt: r.cancelledAt,
    lines: lines
      .filter((l) => l.transferId === r.id)
      .map((l) => ({
        sku: l.sku,
        title: `${l.productTitle} – ${l.variantTitle}`,
        aisle: l.aisle,
        quantity: l.quantity,
        received: l.received ?? undefined,
        lossReason: l.lossReason ?? undefined,
      })),
  }));
}

export type TransferView = Awaited<ReturnType<typeof toViews>>[number];

async function selectTransfers(db: DbOrTx, where: SQL, limit = 200) {
  const rows = await db
    .select({ transfer: transfers, orderNumber: orders.number })
    .from(transfers)
    .leftJoin(orders, eq(orders.id, transfers.orderId))
    .where(where)
    .orderBy(desc(transfers.createdAt), desc(transfers.number))
    .limit(limit);
  return rows.map((r) => ({ ...r.transfer, orderNumber: r.orderNumber }));
}

export async function transferView(db: DbOrTx, transferId: string): Promise<TransferView> {
  const [row] = await selectTransfers(db, eq(transfers.id, transferId), 1);
  if (!row) throw notFound("The transfer", "transfer_not_found");
  return (await toViews(db, [row]))[0]!;
}

/** The contract's `transfers.get`: staff of either store. */
export async function getTransfer(db: DbOrTx, actor: Actor, input: { transferNumber: string }) {
  const found = await findTransfer(db, input.transferNumber);
  if (!worksIn(actor, found.fromLocationId) && !worksIn(actor, found.toLocationId))
    throw forbidden(`Transfer ${found.number} is between other stores.`, {
      reason: "transfer_other_stores",
      transfer: found.number,
    });
  return transferView(db, found.id);
}

/** The contract's `transfers.list`: what a store sends and receives, newest first, by status if asked. */
export async function listTransfers(
  db: DbOrTx,
  actor: Actor,
  input: { storeId: string; status?: TransferStatus; direction?: "incoming" | "outgoing" },
) {
  if (!worksIn(actor, input.storeId)) throw notYourStore();
  await findLocation(db, input.storeId);
  const side =
    input.direction === "incoming"
      ? eq(transfers.toLocationId, input.storeId)
      : input.direction === "outgoing"
        ? eq(transfers.fromLocationId, input.storeId)
        : or(eq(transfers.fromLocationId, input.storeId), eq(transfers.toLocationId, input.storeId));
  const where = input.status ? and(side, eq(transfers.status, input.status)) : side;
  return toViews(db, await selectTransfers(db, where ?? sql`true`));
}
