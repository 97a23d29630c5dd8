import { useMeQuery } from "@/lib/client/hooks/useMeQuery";
import { resolveTimeZone } from "@/lib/domain/timeZone";

/**
 * The zone the signed-in person sees times in (their preference; UTC until it is known, which is also
 * what the server renders, so hydration never disagrees).
 */
export function useTimeZone(): string {
  const me = useMeQuery();
  return resolveTimeZone(me.data?.user.timeZone, Intl.DateTimeFormat().resolvedOptions().timeZone);
}
