import type { JsonObject } from "@/lib/sentry/coerce";

/**
 * Interface names of the protocol before version 7, still sent by legacy clients (raven-python,
 * sentry-php 1.x, raven-js 1.x…): `sentry.interfaces.Exception` is `exception`, and so on.
 */
const LEGACY_NAMES: readonly (readonly [legacy: string, current: string])[] = [
  ["sentry.interfaces.Exception", "exception"],
  ["sentry.interfaces.Message", "logentry"],
  ["sentry.interfaces.Stacktrace", "stacktrace"],
  ["sentry.interfaces.Http", "request"],
  ["sentry.interfaces.User", "user"],
  ["sentry.interfaces.Breadcrumbs", "breadcrumbs"],
  ["sentry.interfaces.Threads", "threads"],
  ["sentry.interfaces.Contexts", "contexts"],
  ["sentry.interfaces.DebugMeta", "debug_meta"],
];

/** The event with each legacy interface under its current name (a current name the event also has wins). */
export function withCurrentInterfaceNames(event: JsonObject): JsonObject {
  if (!LEGACY_NAMES.some(([legacy]) => Object.hasOwn(event, legacy))) return event;
  const renamed: JsonObject = { ...event };
  for (const [legacy, current] of LEGACY_NAMES) {
    if (!Object.hasOwn(event, legacy)) continue;
    if (renamed[current] === undefined || renamed[current] === null) renamed[current] = event[legacy];
    delete renamed[legacy];
  }
  return renamed;
}
