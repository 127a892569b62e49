import { getTableColumns, getTableName, isSQLWrapper, sql, type Table } from "drizzle-orm";

import type { Tx } from "./client";

/**
 * Inserts many rows in one statement: the rows travel as one JSON parameter and PostgreSQL spreads them
 * with `json_populate_recordset`, which is many times faster than thousands of bound parameters.
 * A column some rows leave out takes its constant default there (SQL defaults apply only when every row leaves it out).
 */
export async function bulkInsert<T extends Table>(tx: Tx, table: T, rows: T["$inferInsert"][], size = 5000) {
  if (!rows.length) return;
  const columns = Object.entries(getTableColumns(table));
  const used = columns.filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const names = sql.join(
    used.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );
  const name = sql.identifier(getTableName(table));
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size).map((row) => {
      const out: Record<string, unknown> = {};
      for (const [key, column] of used) {
        const value = (row as Record<string, unknown>)[key];
        out[column.name] = value !== undefined ? value : isSQLWrapper(column.default) ? null : (column.default ?? null);
      }
      return out;
    });
    await tx.execute(
      sql`insert into ${name} (${names}) select ${names} from json_populate_recordset(null::${name}, ${JSON.stringify(part)}::json)`,
    );
  }
}
