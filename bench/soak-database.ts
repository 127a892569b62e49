import fs from "node:fs";

import postgres from "postgres";

/**
 * What the soak's database did, minute by minute: statement times (pg_stat_statements, when the server preloads
 * it), table growth, dead rows, sequential scans, vacuums, checkpoints and WAL, and what busy backends waited on
 * (pg_stat_activity sampled every second). A latency that climbs over a run is then traced to the statement and
 * the table that slowed down rather than guessed at.
 */
type Statement = { query: string; calls: number; ms: number };
type Table = {
  live: number;
  dead: number;
  seqScans: number;
  seqRows: number;
  idxScans: number;
  vacuums: number;
  analyzes: number;
  mb: number;
};
type Snapshot = {
  statements: Map<string, Statement>;
  tables: Map<string, Table>;
  checkpoints: number;
  walMb: number;
};
export type DatabaseMinute = {
  /** The statements that took the most time this minute: calls and mean time. */
  statements: { id: string; query: string; calls: number; meanMs: number; totalMs: number }[];
  /** Tables that changed this minute: rows, dead rows, size, and this minute's scans and vacuums. */
  tables: Record<string, Table>;
  checkpoints: number;
  walMb: number;
  /** Messages waiting in the outbox at the minute's end (due or not): a worker that falls behind shows here. */
  outboxUnsent: number;
  /** Busy backends seen per wait (one sample a second), e.g. `Lock:transactionid` or `IO:DataFileRead`. */
  waits: Record<string, number>;
};

export async function watchDatabase(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "soak-watch" } });
  const statementsOn = await sql`create extension if not exists pg_stat_statements`.then(
    () => true,
    () => false, // not preloaded (e.g. BENCH_DATABASE_URL on a server without it): tables and waits only
  );
  const database = new URL(url).pathname.slice(1);

  const snapshot = async (): Promise<Snapshot> => {
    const statements = new Map<string, Statement>();
    if (statementsOn)
      for (const r of await sql`select queryid::text as id, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as query,
          calls::float8 as calls, total_exec_time as ms
        from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ${database}`)
        statements.set(r.id as string, { query: r.query as string, calls: r.calls as number, ms: r.ms as number });
    const tables = new Map<string, Table>();
    for (const r of await sql`select relname, n_live_tup::float8 as live, n_dead_tup::float8 as dead,
        coalesce(seq_scan, 0)::float8 as seq_scans, coalesce(seq_tup_read, 0)::float8 as seq_rows,
        coalesce(idx_scan, 0)::float8 as idx_scans, autovacuum_count::float8 as vacuums,
        autoanalyze_count::float8 as analyzes, pg_total_relation_size(relid) / 1048576.0 as mb
      from pg_stat_user_tables`)
      tables.set(r.relname as string, {
        live: r.live as number,
        dead: r.dead as number,
        seqScans: r.seq_scans as number,
        seqRows: r.seq_rows as number,
        idxScans: r.idx_scans as number,
        vacuums: r.vacuums as number,
        analyzes: r.analyzes as number,
        mb: Number(r.mb),
      });
    const [c] = await sql`select (num_timed + num_requested)::float8 as n from pg_stat_checkpointer`;
    const [w] = await sql`select wal_bytes / 1048576.0 as mb from pg_stat_wal`;
    return { statements, tables, checkpoints: c!.n as number, walMb: Number(w!.mb) };
  };

  let waits: Record<string, number> = {};
  let stopped = false;
  const sampling = (async () => {
    while (!stopped) {
      const rows = await sql`select coalesce(wait_event_type || ':' || wait_event, 'CPU') as wait, count(*)::int as n
        from pg_stat_activity where state = 'active' and backend_type = 'client backend'
          and pid <> pg_backend_pid() and datname = ${database} group by 1`.catch(() => []);
      for (const r of rows) waits[r.wait as string] = (waits[r.wait as string] ?? 0) + (r.n as number);
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();

  const [{ pid: backend }] = await sql`select pg_backend_pid() as pid`;
  // The server is on this machine when its backend's process is visible here (not for a remote BENCH_DATABASE_URL).
  const postmaster = fs.existsSync(`/proc/${backend}/stat`)
    ? Number(fs.readFileSync(`/proc/${backend}/stat`, "utf8").split(") ")[1]!.split(" ")[1])
    : NaN;

  let last = await snapshot();
  return {
    statementsOn,
    /** The server's CPU time so far (ms), when it runs on this machine (0 otherwise). */
    cpuMs: () => (Number.isFinite(postmaster) ? serverCpuMs(postmaster) : 0),
    /** This minute's figures (since the previous call). */
    async minute(): Promise<DatabaseMinute> {
      const now = await snapshot();
      const statements = [...now.statements]
        .map(([id, s]) => {
          const before = last.statements.get(id) ?? { calls: 0, ms: 0 };
          const calls = s.calls - before.calls;
          const totalMs = s.ms - before.ms;
          return { id, query: s.query, calls, totalMs, meanMs: calls ? totalMs / calls : 0 };
        })
        .filter((s) => s.calls > 0)
        .sort((a, b) => b.totalMs - a.totalMs)
        .slice(0, 40);
      const tables: Record<string, Table> = {};
      for (const [name, t] of now.tables) {
        const before = last.tables.get(name);
        const delta = {
          ...t,
          seqScans: t.seqScans - (before?.seqScans ?? 0),
          seqRows: t.seqRows - (before?.seqRows ?? 0),
          idxScans: t.idxScans - (before?.idxScans ?? 0),
          vacuums: t.vacuums - (before?.vacuums ?? 0),
          analyzes: t.analyzes - (before?.analyzes ?? 0),
        };
        if (delta.seqScans || delta.idxScans || delta.vacuums || t.live !== before?.live || t.dead !== before?.dead)
          tables[name] = delta;
      }
      const [unsent] = await sql`select count(*)::int as n from outbox where sent_at is null and dead_at is null`;
      const minute = {
        outboxUnsent: unsent!.n as number,
        statements,
        tables,
        checkpoints: now.checkpoints - last.checkpoints,
        walMb: now.walMb - last.walMb,
        waits,
      };
      last = now;
      waits = {};
      return minute;
    },
    async stop() {
      stopped = true;
      await sampling;
      await sql.end({ timeout: 5 });
    },
  };
}

/** The statements that took the most time over the run, each with its mean time in the first and the last minute. */
export function statementDrift(minutes: DatabaseMinute[], top = 12) {
  const total = new Map<string, { query: string; ms: number }>();
  for (const m of minutes)
    for (const s of m.statements) total.set(s.id, { query: s.query, ms: (total.get(s.id)?.ms ?? 0) + s.totalMs });
  const at = (m: DatabaseMinute | undefined, id: string) => m?.statements.find((s) => s.id === id);
  return [...total]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, top)
    .map(([id, { query, ms }]) => ({
      query,
      totalMs: ms,
      first: at(minutes[0], id),
      last: at(minutes.at(-1), id),
    }));
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); `withChildren` adds reaped ones. */
function cpuMs(pid: number, withChildren = false): number {
  try {
    // The fields after the command's closing parenthesis: utime is the 12th, stime the 13th, cutime/cstime next.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const ticks = [11, 12, ...(withChildren ? [13, 14] : [])].reduce((n, i) => n + Number(fields[i]), 0);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100;

/** The PostgreSQL server's CPU so far: the postmaster, its live children (backends, vacuum) and the ones gone. */
export function serverCpuMs(postmaster: number): number {
  let ms = cpuMs(postmaster, true);
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      if (ppid === postmaster) ms += cpuMs(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return ms;
}
export { cpuMs };

/**
 * The machine's CPU ticks so far (`/proc/stat`): busy, and stolen by the host from this virtual machine. A window in
 * which every process needs more CPU for the same requests may be one in which the host gave the machine less of its
 * cores; steal time tells the two apart.
 */
export function machineTicks(): { busy: number; steal: number; total: number } {
  const [, ...fields] = fs.readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq!;
  return { busy, steal: steal!, total: busy + idle! + iowait! + steal! };
}
