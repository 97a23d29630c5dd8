import { formatDistanceToNow } from "date-fns";
import { Section } from "@/components/ui/Section";
import type { SuspectCommit } from "@/lib/releases/commits/suspectCommits";

/**
 * The commits of the event's release that changed a file its application frames are in, the frame
 * nearest the error first (PUT …/releases/:version/commits from a deploy step). Shown only when there are some.
 */
export function SuspectCommitsSection({ suspects }: { suspects: SuspectCommit[] }) {
  if (suspects.length === 0) return null;
  return (
    <Section id="suspect-commits-title" title={suspects.length === 1 ? "Suspect commit" : `Suspect commits (${suspects.length})`}>
      <ul className="space-y-2" data-testid="suspect-commits">
        {suspects.map((s) => (
          <li key={s.sha} data-testid="suspect-commit" className="min-w-0 text-sm">
            <div className="flex min-w-0 flex-wrap items-baseline gap-x-2">
              {s.url ? (
                <a href={s.url} target="_blank" rel="noopener noreferrer" className="font-mono text-xs text-blue-700 hover:underline dark:text-blue-400">
                  {s.sha.slice(0, 7)}
                </a>
              ) : (
                <span className="font-mono text-xs text-gray-600 dark:text-gray-400">{s.sha.slice(0, 7)}</span>
              )}
              <span className="min-w-0 break-words font-medium text-gray-900 dark:text-gray-100">{s.title || "(no message)"}</span>
            </div>
            <p className="mt-0.5 break-all text-xs text-gray-500 dark:text-gray-400">
              {s.authorName && <span title={s.authorEmail ?? undefined}>{s.authorName}</span>}
              {s.authorName && s.committedAt && " · "}
              {s.committedAt && <time dateTime={s.committedAt}>{formatDistanceToNow(new Date(s.committedAt), { addSuffix: true })}</time>}
              {(s.authorName || s.committedAt) && " · "}
              changed <span className="font-mono">{s.file}</span>
              {s.frame.function && (
                <>
                  {" "}
                  where <span className="font-mono">{s.frame.function}</span>
                  {s.frame.lineno !== null && ` (line ${s.frame.lineno})`} is in the stack
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
