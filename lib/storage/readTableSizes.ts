import { pool } from "@/lib/db/pool";

export interface TableSize {
  name: string;
  /** Table, indexes and TOAST, summed over its partitions for a partitioned table. */
  bytes: number;
  /** PostgreSQL's estimate (from the last ANALYZE / autovacuum); exact counts are the storage job's. */
  estimatedRows: number;
  partitions: number;
}

/** Every table of Faultline's schema with its size on disk, largest first. Catalog reads only: cheap. */
export async function readTableSizes(): Promise<TableSize[]> {
  const { rows } = await pool().query<{ name: string; bytes: string; rows: string; partitions: number }>(
    `SELECT c.relname AS name,
       sum(pg_total_relation_size(l.oid))::bigint AS bytes,
       sum(greatest(l.reltuples, 0))::bigint AS rows,
       (count(*) FILTER (WHERE l.oid <> c.oid))::int AS partitions
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     -- A plain table is its own leaf; a partitioned one sums its partitions.
     CROSS JOIN LATERAL (
       SELECT c.oid AS relid WHERE c.relkind = 'r'
       UNION ALL
       SELECT t.relid FROM pg_partition_tree(c.oid) t WHERE c.relkind = 'p' AND t.isleaf
     ) leaf
     JOIN pg_class l ON l.oid = leaf.relid
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND c.relname <> '_prisma_migrations'
     GROUP BY c.relname
     ORDER BY 2 DESC, 1`,
  );
  return rows.map((r) => ({ name: r.name, bytes: Number(r.bytes), estimatedRows: Number(r.rows), partitions: r.partitions }));
}

export async function readDatabaseBytes(): Promise<number> {
  const { rows } = await pool().query<{ bytes: string }>(`SELECT pg_database_size(current_database())::bigint AS bytes`);
  return Number(rows[0].bytes);
}
