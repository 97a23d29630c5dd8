/**
 * Turns any value into plain JSON data the server accepts: cycles and functions removed, depth,
 * keys, array lengths and string lengths bounded, Errors, Dates, Maps, Sets and bigints made readable.
 */
export function normalize(value: unknown, depth = 6, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string") return truncate(value, 4096);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "undefined") return undefined;
  if (typeof value === "function" || typeof value === "symbol") return `[${typeof value}]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (value instanceof Error) return { name: value.name, message: truncate(value.message, 4096) };
  const object = value as object;
  if (seen.has(object)) return "[circular]";
  if (depth <= 0) return Array.isArray(value) ? "[array]" : "[object]";
  seen.add(object);
  try {
    if (Array.isArray(value)) return value.slice(0, 100).map((v) => normalize(v, depth - 1, seen) ?? null);
    if (value instanceof Map) return normalize(Object.fromEntries([...value.entries()].slice(0, 100)), depth, seen);
    if (value instanceof Set) return normalize([...value].slice(0, 100), depth, seen);
    const out: Record<string, unknown> = {};
    let n = 0;
    for (const key of Object.keys(object)) {
      if (n++ >= 200) break;
      let item: unknown;
      try {
        item = (object as Record<string, unknown>)[key];
      } catch {
        item = "[unreadable]";
      }
      const normalized = normalize(item, depth - 1, seen);
      if (normalized !== undefined) out[truncate(key, 200)] = normalized;
    }
    return out;
  } finally {
    seen.delete(object);
  }
}

export function normalizeRecord(value: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!value) return undefined;
  const out = normalize(value);
  return out && typeof out === "object" && !Array.isArray(out) ? (out as Record<string, unknown>) : undefined;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
