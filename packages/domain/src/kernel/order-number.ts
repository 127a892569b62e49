import { sql } from "drizzle-orm";

import type { Tx } from "@omni/db";

/** A human-readable order number, for example `OM-100042`: short enough to read out at a counter. */
/** The next order number as an SQL expression, so that the insert that uses it needs no round trip of its own. */
export const nextOrderNumberSql = sql<string>`'OM-' || nextval('order_number_seq')::text`;

export async function nextOrderNumber(tx: Tx): Promise<string> {
  const [row] = await tx.execute<{ n: string }>(sql`select nextval('order_number_seq')::text as n`);
  return `OM-${row!.n}`;
}

/** A return number, for example `RT-500007`. */
export async function nextReturnNumber(tx: Tx): Promise<string> {
  const [row] = await tx.execute<{ n: string }>(sql`select nextval('return_number_seq')::text as n`);
  return `RT-${row!.n}`;
}

/** A transfer number, for example `TR-300007`: written on the boxes and read out between stores. */
export async function nextTransferNumber(tx: Tx): Promise<string> {
  const [row] = await tx.execute<{ n: string }>(sql`select nextval('transfer_number_seq')::text as n`);
  return `TR-${row!.n}`;
}
