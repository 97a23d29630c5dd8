import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";

const FLUSH_EVERY_MS = 5_000;
/** Keys buffered while the database is unreachable; beyond, new keys are not counted. */
const MAX_BUFFERED = 10_000;

/** One buffered count: what it is about (`row`), how many, and the last one's time. */
export interface BufferedCount<Row> {
  row: Row;
  n: number;
  last: number;
}

export interface CountBuffer<Row> {
  /** Counts `n` for `key` (`row` describes it the first time). Never throws. */
  add(key: string, row: Row, n?: number, now?: number): void;
  /** Writes what is buffered in one call of the buffer's `write`; on failure it stays buffered. */
  flush(): Promise<number>;
}

const globalForBuffers = globalThis as unknown as {
  faultlineCountBuffers?: Map<string, { pending: Map<string, BufferedCount<unknown>>; timer?: NodeJS.Timeout; flush?: () => Promise<number> }>;
};

/** Writes every buffer's counts now (graceful shutdown: their timers are unref'd and would not fire before exit). */
export async function flushCountBuffers(): Promise<void> {
  await Promise.all([...(globalForBuffers.faultlineCountBuffers?.values() ?? [])].map((b) => b.flush?.()));
}

/**
 * Counts ingest outcomes in memory and writes them every few seconds in one statement, so a flood
 * of events costs one write per instance and interval, never a row per event. Per process (on
 * globalThis: the ingest fast path and the route handlers share it), by `name`.
 */
export function countBuffer<Row>(name: string, write: (counts: BufferedCount<Row>[]) => Promise<void>): CountBuffer<Row> {
  const buffers = (globalForBuffers.faultlineCountBuffers ??= new Map());
  if (!buffers.has(name)) buffers.set(name, { pending: new Map() });
  const state = buffers.get(name)! as { pending: Map<string, BufferedCount<Row>>; timer?: NodeJS.Timeout; flush?: () => Promise<number> };

  const flush = async (): Promise<number> => {
    state.timer = undefined;
    if (state.pending.size === 0) return 0;
    const counts = [...state.pending.entries()];
    state.pending = new Map();
    try {
      await write(counts.map(([, c]) => c));
      return counts.length;
    } catch (error) {
      // Put them back (merged with anything counted meanwhile) and try again later.
      for (const [key, c] of counts) merge(key, c.row, c.n, c.last);
      state.timer ??= setTimeout(() => void flush(), FLUSH_EVERY_MS).unref();
      logger.error(`${name} counts not saved; retrying`, { error: errorMessage(error) });
      return 0;
    }
  };
  state.flush = flush;
  const merge = (key: string, row: Row, n: number, now: number) => {
    const entry = state.pending.get(key);
    if (entry) {
      entry.n += n;
      entry.last = Math.max(entry.last, now);
    } else if (state.pending.size < MAX_BUFFERED) state.pending.set(key, { row, n, last: now });
  };
  return {
    add(key, row, n = 1, now = Date.now()) {
      if (n <= 0) return;
      merge(key, row, n, now);
      state.timer ??= setTimeout(() => void flush(), FLUSH_EVERY_MS).unref();
    },
    flush,
  };
}
