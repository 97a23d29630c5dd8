import type { EventView } from "@/lib/errors/events/getEvent";
import { Section } from "@/components/ui/Section";
import { formatSeconds } from "@/lib/client/format";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { clockTime, zoneAbbreviation } from "@/lib/client/zonedTime";

const LEVEL_DOT: Record<string, string> = {
  error: "bg-red-500",
  fatal: "bg-red-700",
  warning: "bg-amber-400",
  info: "bg-blue-400",
  debug: "bg-gray-400",
};

/** "−2.4 s" within a minute of the event, else "−3.5 min", "−12.56 h" (a game's log, an app queued offline). */
function offsetText(seconds: number): string {
  const sign = seconds <= 0 ? "−" : "+";
  const size = Math.abs(seconds);
  return `${sign}${size < 60 ? `${size.toFixed(1)} s` : formatSeconds(size)}`;
}

/** What happened before the error, oldest first, as a timeline with each step's offset from the event. */
export function BreadcrumbsSection({ breadcrumbs, occurredAt }: { breadcrumbs: EventView["breadcrumbs"]; occurredAt: string }) {
  const zone = useTimeZone();
  if (breadcrumbs.length === 0) return null;
  const at = Date.parse(occurredAt);
  return (
    <Section id="breadcrumbs-title" title={`Breadcrumbs (${breadcrumbs.length})`}>
      <ol className="relative space-y-2 border-l border-gray-200 pl-4 dark:border-gray-700" data-testid="breadcrumbs">
        {breadcrumbs.map((crumb, i) => {
          const offset = crumb.at ? (Date.parse(crumb.at) - at) / 1000 : null;
          return (
            <li key={i} className="relative text-xs" data-testid="breadcrumb">
              <span aria-hidden="true" className={`absolute -left-[21px] top-1 h-2.5 w-2.5 rounded-full ring-2 ring-white dark:ring-gray-900 ${LEVEL_DOT[crumb.level ?? "info"] ?? LEVEL_DOT.info}`} />
              <div className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-mono font-medium text-gray-900 dark:text-gray-100">{crumb.category ?? crumb.type ?? "default"}</span>
                {crumb.level && crumb.level !== "info" && <span className="uppercase text-gray-500 dark:text-gray-400">{crumb.level}</span>}
                {crumb.at && (
                  <time dateTime={crumb.at} title={crumb.at} className="ml-auto font-mono text-gray-500 dark:text-gray-400">
                    {clockTime(crumb.at, zone)} {zoneAbbreviation(crumb.at, zone)}{offset !== null && ` (${offsetText(offset)})`}
                  </time>
                )}
              </div>
              {crumb.message && <p className="mt-0.5 break-words text-gray-700 dark:text-gray-300">{crumb.message}</p>}
              {crumb.data && <p className="mt-0.5 break-all font-mono text-gray-500 dark:text-gray-400">{JSON.stringify(crumb.data)}</p>}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
