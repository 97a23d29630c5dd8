import { formatDistanceToNow } from "date-fns";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";

/** What was recorded when the error was resolved. */
export function ResolutionSummary({ error }: { error: ErrorDetails }) {
  const r = error.resolution;
  if (!r || error.status !== "resolved") return null;
  const who = error.resolvedByUser ? error.resolvedByUser.name || error.resolvedByUser.email : "someone";
  return (
    <div data-testid="resolution" className="border-t border-gray-200 bg-green-50/60 px-4 py-4 text-sm sm:px-6 dark:border-gray-800 dark:bg-green-950/20">
      <h3 className="font-medium text-green-900 dark:text-green-200">
        Resolved by {who} {formatDistanceToNow(new Date(r.resolvedAt), { addSuffix: true })}
      </h3>
      {r.resolution && <p className="mt-2 whitespace-pre-wrap text-gray-800 dark:text-gray-200">{r.resolution}</p>}
      {r.rootCause && (
        <p className="mt-2 text-gray-700 dark:text-gray-300">
          <span className="font-medium">Root cause:</span> {r.rootCause}
        </p>
      )}
      {r.preventiveMeasures.length > 0 && (
        <div className="mt-2 text-gray-700 dark:text-gray-300">
          <p className="font-medium">Preventive measures</p>
          <ul className="ml-5 list-disc">
            {r.preventiveMeasures.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
