"use client";

import { formatDistanceToNow, formatDistanceToNowStrict } from "date-fns";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { exactTime } from "@/lib/client/zonedTime";

/** "3 minutes ago", with the exact instant in the person's time zone as its tooltip. `strict`: "3 minutes ago" without "about". */
export function RelativeTime({ iso, strict = false, className }: { iso: string; strict?: boolean; className?: string }) {
  const zone = useTimeZone();
  const at = new Date(iso);
  return (
    <time dateTime={iso} title={exactTime(iso, zone)} className={className}>
      {strict ? formatDistanceToNowStrict(at, { addSuffix: true }) : formatDistanceToNow(at, { addSuffix: true })}
    </time>
  );
}
