import { useMemo } from "react";
import { useMeQuery } from "@/lib/client/hooks/useMeQuery";
import { resolveTimeZone } from "@/lib/domain/timeZone";

/**
 * The zone the signed-in person sees times in (their preference; UTC until it is known, which is also
 * what the server renders, so hydration never disagrees).
 */
export function useTimeZone(): string {
  const preference = useMeQuery().data?.user.timeZone;
  // Resolving builds an Intl formatter to check the name: once per mounted row or chart, not per render.
  return useMemo(() => resolveTimeZone(preference, browserTimeZone()), [preference]);
}

let browserZone: string | undefined;
/** This browser's own zone (read once: every row and chart of a page asks). */
export function browserTimeZone(): string {
  browserZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return browserZone;
}
