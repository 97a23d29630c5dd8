import { countOf, formatCount } from "@/lib/client/format";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";

/** "Sampling was active: X of Y events stored (spike protection)", those past retention, and that counts stay exact. */
export function SamplingNote({ issue, className = "" }: { issue: ErrorDetails; className?: string }) {
  const sampling = issue.sampling;
  if (!sampling) return null;
  const why = sampling.issueCap === null ? "spike protection" : `spike protection or the cap of ${formatCount(sampling.issueCap)} stored events per issue`;
  return (
    <p data-testid="detail-sampling" className={`rounded bg-amber-50 px-2 py-1 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-300 ${className}`}>
      Sampling was active: {formatCount(sampling.storedEvents)} of {countOf(issue.occurrences, "event")} stored ({why})
      {sampling.expiredEvents > 0 && <>, {formatCount(sampling.expiredEvents)} more deleted past the project&apos;s retention</>}. Counts, users and charts include every event.
    </p>
  );
}
