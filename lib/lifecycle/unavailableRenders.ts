import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";

const globalForRenders = globalThis as unknown as { faultlineUnavailableRenders?: WeakSet<object> };

/**
 * The requests (by their headers object, which Next.js hands to onRequestError as it is) whose page
 * failed to render because PostgreSQL was unavailable: lib/lifecycle/unavailablePageStatus.ts
 * answers them 503 instead of 500. Kept apart from that module (no node: imports): instrumentation.ts,
 * which is built for the Edge runtime too, imports this one.
 */
export function unavailableRenders(): WeakSet<object> {
  globalForRenders.faultlineUnavailableRenders ??= new WeakSet();
  return globalForRenders.faultlineUnavailableRenders;
}

/** From onRequestError: remembers the request when `error` means the database is unavailable. */
export function noteFailedRender(error: unknown, headers: unknown): void {
  if (headers && typeof headers === "object" && isDatabaseUnavailable(error)) unavailableRenders().add(headers);
}
