import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";

/** One table whose rows hold sealed secrets, as the re-seal pass sees it. */
export interface SealedTable {
  /** What the log lines call the rows, e.g. "channel secrets". */
  what: string;
  /** The log field naming a row's id, e.g. "channelId". */
  idField: string;
  rows(): Promise<{ id: string; secrets: unknown }[]>;
  needsReseal(stored: unknown): boolean;
  open(id: string, stored: unknown): Record<string, unknown>;
  seal(id: string, plain: Record<string, unknown>): Prisma.InputJsonValue;
  /** Replaces the row's secrets only if they are still `expected`; the rows changed (0 or 1). */
  replace(id: string, expected: unknown, sealed: Prisma.InputJsonValue): Promise<number>;
}

/**
 * Encrypts a table's secrets still stored in plain (rows from before encryption) and re-seals those
 * sealed with a previous key under the current FAULTLINE_SECRET_KEY. Runs at start-up and from
 * `npm run secrets:rotate`; idempotent, one row at a time. Rows that no key opens are left as they
 * are and reported.
 */
export async function resealRows(table: SealedTable): Promise<{ resealed: number; unreadable: number }> {
  let resealed = 0;
  let unreadable = 0;
  for (const row of await table.rows()) {
    if (!table.needsReseal(row.secrets)) continue;
    let plain;
    try {
      plain = table.open(row.id, row.secrets);
    } catch (error) {
      unreadable++;
      logger.warn(`${table.what} cannot be opened with the configured keys`, { [table.idField]: row.id, error: (error as Error).message });
      continue;
    }
    // Only the row as read is replaced: a concurrent edit wins and is sealed on its own.
    resealed += await table.replace(row.id, row.secrets, table.seal(row.id, plain));
  }
  if (resealed || unreadable) logger.info(`${table.what} re-sealed`, { resealed, unreadable });
  return { resealed, unreadable };
}
