/**
 * Planner statistics after bulk writes. PostgreSQL plans from the statistics ANALYZE
 * gathers; after a seed or an import of thousands of rows they describe the tables as
 * they were (often empty), and where autovacuum is off or slow the planner keeps
 * choosing nested loops over what are now big tables. Every bulk writer calls this
 * once its rows are committed.
 */

/** `"name"` with embedded quotes doubled. */
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One ANALYZE statement for the distinct `tables` ('' when there are none). */
export function analyzeSql(tables: Iterable<string>): string {
  const names = [...new Set(tables)];
  return names.length ? `ANALYZE ${names.map(quoteIdent).join(', ')}` : '';
}

/** Runs ANALYZE on `tables` through `exec` (a pg client's query or Prisma's $executeRawUnsafe). */
export async function analyzeTables(exec: (sql: string) => Promise<unknown>, tables: Iterable<string>): Promise<void> {
  const sql = analyzeSql(tables);
  if (sql) await exec(sql);
}
