import { isUuid } from "@/lib/ids/uuidv7";

/**
 * The ids an audit entry's `before` / `after` JSON holds under `key` (assigneeId, userId…), in that
 * order: only UUID strings, since the entries are free-form JSON and the ids go into UUID lookups.
 */
export function auditIds(key: string, ...sides: unknown[]): string[] {
  return sides
    .map((side) => (side && typeof side === "object" ? (side as Record<string, unknown>)[key] : undefined))
    .filter((v): v is string => typeof v === "string" && isUuid(v));
}
