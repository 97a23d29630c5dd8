import type pg from "pg";
import { pool } from "@/lib/db/pool";

/** Runs one analytics query on the shared pool and returns its rows. */
export async function queryRows<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T[]> {
  return (await pool().query<T>(sql, values)).rows;
}
