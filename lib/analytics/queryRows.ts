import type pg from "pg";
import { analyticsPool } from "@/lib/db/pool";

/** Runs one analytics query on the analytics pool and returns its rows. */
export async function queryRows<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T[]> {
  return (await analyticsPool().query<T>(sql, values)).rows;
}
