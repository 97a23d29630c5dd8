import type { GroupingPreview } from "@/lib/grouping/rules/previewGroupingRules";
import { countOf } from "@/lib/client/format";
import { issueTitle } from "@/lib/domain/issueTitle";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { dateTime } from "@/lib/client/zonedTime";

/** What a rule list would change over the sampled events: issues merged, issues split. */
export function GroupingPreviewResult({ preview }: { preview: GroupingPreview }) {
  const zone = useTimeZone();
  return (
    <section aria-label="Dry run" data-testid="grouping-preview" className="space-y-3 rounded-md bg-gray-50 p-3 text-sm dark:bg-gray-800/60">
      <p className="text-gray-700 dark:text-gray-200">
        Dry run over the {preview.sampledEvents} most recent events
        {preview.from && preview.to && ` (${dateTime(preview.from, zone)} – ${dateTime(preview.to, zone)})`}:{" "}
        <strong>{preview.movedEvents}</strong> would move, <strong>{preview.merges.length}</strong> merge{preview.merges.length === 1 ? "" : "s"},{" "}
        <strong>{preview.splits.length}</strong> split{preview.splits.length === 1 ? "" : "s"}.
      </p>
      {preview.merges.map((m, i) => (
        <div key={`m${i}`} data-testid="preview-merge">
          <p className="font-medium text-gray-900 dark:text-gray-100">
            Would merge {m.issues.length} issues ({countOf(m.events, "event")}){m.into.errorId ? " into an existing issue" : " into a new issue"}:
          </p>
          <ul className="ml-4 list-disc text-gray-600 dark:text-gray-300">
            {m.issues.map((issue) => (
              <li key={issue.errorId} className="truncate">
                {issueTitle(issue)} — {countOf(issue.events, "event")}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {preview.splits.map((s, i) => (
        <div key={`s${i}`} data-testid="preview-split">
          <p className="font-medium text-gray-900 dark:text-gray-100">
            Would split {issueTitle(s.issue)} ({countOf(s.issue.events, "event")}) into {s.parts.length}:
          </p>
          <ul className="ml-4 list-disc text-gray-600 dark:text-gray-300">
            {s.parts.map((p, j) => (
              <li key={j}>
                {p.errorId ? "stays / joins an existing issue" : "a new issue"} — {countOf(p.events, "event")}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {preview.merges.length === 0 && preview.splits.length === 0 && <p className="text-gray-600 dark:text-gray-300">No issue would merge or split.</p>}
    </section>
  );
}
