import { AuditIssueLinks } from "@/components/issue/AuditIssueLinks";
import { describeAudit } from "@/components/issue/describeAudit";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";
import { RelativeTime } from "@/components/ui/RelativeTime";

type Entry = ErrorDetails["audit"][number];

function actorName(entry: Entry): string {
  if (entry.actor) return entry.actor.name ? `${entry.actor.name} (${entry.actor.email})` : entry.actor.email;
  return entry.actorType === "user" ? "A former member" : "Faultline";
}

/** Who changed what and when, newest first, in the issue page's words (describeAudit). */
export function AuditTrail({ audit }: { audit: Entry[] }) {
  return (
    <div className="border-t border-gray-200 px-4 py-4 sm:px-6 dark:border-gray-800">
      <h3 className="mb-2 text-sm font-medium text-gray-900 dark:text-gray-100">Activity</h3>
      {audit.length === 0 ? (
        <p className="text-sm text-gray-500 dark:text-gray-400">No changes yet.</p>
      ) : (
        <ol data-testid="audit-trail" className="space-y-2 text-sm">
          {audit.map((entry) => (
            <li key={entry.id} className="flex gap-2">
              <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-gray-300 dark:bg-gray-600" />
              <p className="min-w-0 text-gray-700 dark:text-gray-300">
                <span className="font-medium text-gray-900 dark:text-gray-100">{actorName(entry)}</span> {describeAudit(entry, () => (entry.assignee ? entry.assignee.name || entry.assignee.email : null))}
                <AuditIssueLinks issues={entry.issues} />{" "}
                <RelativeTime iso={entry.at} className="text-gray-500 dark:text-gray-400" />
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
