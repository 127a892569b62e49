import { eq, sql } from "drizzle-orm";

import { transfers, type TransferStatus, type Tx } from "@omni/db";

import { conflict, notFound } from "../kernel";

/**
 * The one transfer state machine: every change of a transfer's status goes through
 * `transitionTransfer`, which locks the row and checks the move against this table.
 */
export const transferTransitions: Partial<Record<TransferStatus, readonly TransferStatus[]>> = {
  requested: ["in_transit", "cancelled"],
  in_transit: ["received", "partly_received"],
};

export const OPEN_TRANSFER_STATUSES: TransferStatus[] = ["requested", "in_transit"];

export function canTransitionTransfer(from: TransferStatus, to: TransferStatus): boolean {
  return transferTransitions[from]?.includes(to) ?? false;
}

const words: Record<TransferStatus, string> = {
  requested: "waiting to be shipped",
  in_transit: "on its way",
  received: "received",
  partly_received: "received",
  cancelled: "cancelled",
};

const verbs: Record<TransferStatus, string> = {
  requested: "request",
  in_transit: "ship",
  received: "receive",
  partly_received: "receive",
  cancelled: "cancel",
};

export type TransferRow = typeof transfers.$inferSelect;

export async function lockTransfer(tx: Tx, transferId: string): Promise<TransferRow> {
  await tx.execute(sql`select id from transfers where id = ${transferId} for update`);
  const [row] = await tx.select().from(transfers).where(eq(transfers.id, transferId));
  if (!row) throw notFound("The transfer", "transfer_not_found");
  return row;
}

/** Moves a locked transfer to `to` and stamps when, or refuses with CONFLICT saying why. */
export async function transitionTransfer(
  tx: Tx,
  input: { transferId: string; to: TransferStatus; at?: Date },
): Promise<TransferRow> {
  const at = input.at ?? new Date();
  const row = await lockTransfer(tx, input.transferId);
  if (!canTransitionTransfer(row.status, input.to)) {
    throw conflict(
      row.status === input.to || words[row.status] === words[input.to]
        ? `Transfer ${row.number} is already ${words[row.status]}.`
        : `Cannot ${verbs[input.to]} transfer ${row.number}: it is ${words[row.status]}.`,
      { reason: "transfer_cannot_move", transfer: row.number, to: input.to, status: row.status },
    );
  }
  const stamp =
    input.to === "in_transit" ? { shippedAt: at } : input.to === "cancelled" ? { cancelledAt: at } : { receivedAt: at };
  const [updated] = await tx
    .update(transfers)
    .set({ status: input.to, ...stamp })
    .where(eq(transfers.id, row.id))
    .returning();
  return updated!;
}
