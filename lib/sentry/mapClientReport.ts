import { asArray, asCount, asObject, clipText } from "@/lib/sentry/coerce";

/** Events an SDK dropped before sending, e.g. `{ reason: "ratelimit_backoff", category: "error", quantity: 3 }`. */
export interface DiscardedEvents {
  reason: string;
  category: string;
  quantity: number;
}

const MAX_NAME = 64;
const MAX_ENTRIES = 100;
const MAX_QUANTITY = 1_000_000_000;

/**
 * Maps a `client_report` item (`{ timestamp, discarded_events: [{ reason, category, quantity }] }`).
 * Entries without a reason or category, or without a positive quantity, are skipped; entries with
 * the same reason and category are summed; at most MAX_ENTRIES distinct pairs are kept. Unusable
 * payloads yield [] rather than an error, like the SDKs' own best-effort reporting.
 */
export function mapClientReport(payload: unknown): DiscardedEvents[] {
  const entries = asArray(asObject(payload)?.discarded_events);
  if (!entries) return [];
  const byKey = new Map<string, DiscardedEvents>();
  for (const raw of entries) {
    const entry = asObject(raw);
    const reason = clipText(entry?.reason, MAX_NAME);
    const category = clipText(entry?.category, MAX_NAME);
    const quantity = asCount(entry?.quantity);
    if (!reason || !category || !quantity) continue;
    const key = JSON.stringify([reason, category]);
    const existing = byKey.get(key);
    if (existing) existing.quantity = Math.min(MAX_QUANTITY, existing.quantity + quantity);
    else if (byKey.size < MAX_ENTRIES) byKey.set(key, { reason, category, quantity: Math.min(MAX_QUANTITY, quantity) });
  }
  return [...byKey.values()];
}
