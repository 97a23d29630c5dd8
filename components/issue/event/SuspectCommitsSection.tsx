import { formatDistanceToNow } from "date-fns";
import { Section } from "@/components/ui/Section";
import type { SuspectCommit } from "@/lib/releases/commits/suspectCommits";
import type { Member } from "@/lib/workspaces/listMembers";

/** Offering a suspect commit's author as the assignee (members and admins): the workspace's members, who is assigned, and how to assign. */
export interface SuspectAssign {
  members: Member[];
  assigneeId: string | null;
  onAssign: (userId: string) => void;
}

/**
 * The commits of the first release and the event's that changed a file its application
 * frames are in, the frame nearest the error first (PUT …/releases/:version/commits from a deploy
 * step), each with the release it shipped in. Shown only when there are some.
 * With `assign`, an author who is a member of the workspace (by e-mail) can be assigned in one click.
 */
export function SuspectCommitsSection({ suspects, assign }: { suspects: SuspectCommit[]; assign?: SuspectAssign }) {
  if (suspects.length === 0) return null;
  const memberOf = (email: string | null) =>
    email && assign ? assign.members.find((m) => m.role !== "viewer" && m.email.toLowerCase() === email.toLowerCase()) : undefined;
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
              shipped in <span className="font-mono">{s.release}</span> · changed <span className="font-mono">{s.file}</span>
              {s.frame.function && (
                <>
                  {" "}
                  where <span className="font-mono">{s.frame.function}</span>
                  {s.frame.lineno !== null && ` (line ${s.frame.lineno})`} is in the stack
                </>
              )}
            </p>
            {assign && <AssignAuthor author={memberOf(s.authorEmail)} assign={assign} />}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** "Assign to Ada" for an author who is a member (nothing for one who is not), or that they are assigned. */
function AssignAuthor({ author, assign }: { author: Member | undefined; assign: SuspectAssign }) {
  if (!author) return null;
  const name = author.name || author.email;
  if (assign.assigneeId === author.id) return <p className="mt-0.5 text-xs text-gray-500 dark:text-gray-400">{name} is assigned</p>;
  return (
    <button type="button" className="mt-0.5 text-xs text-blue-700 hover:underline dark:text-blue-400" onClick={() => assign.onAssign(author.id)}>
      Assign to {name}
    </button>
  );
}
