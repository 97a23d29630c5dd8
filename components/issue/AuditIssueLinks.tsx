import Link from "next/link";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";

type Named = ErrorDetails["audit"][number]["issues"];

/** The other issues a merge or unmerge entry names, after its sentence: linked while they exist. */
export function AuditIssueLinks({ issues }: { issues: Named }) {
  if (issues.length === 0) return null;
  return (
    <>
      {": "}
      {issues.map((issue, i) => (
        <span key={`${issue.errorId ?? "gone"}-${i}`}>
          {i > 0 && ", "}
          {issue.errorId ? (
            <Link href={`/errors/${encodeURIComponent(issue.errorId)}`} className="break-words font-medium text-blue-700 hover:underline dark:text-blue-400" data-testid="audit-issue-link">
              {issue.title}
            </Link>
          ) : (
            <span className="break-words font-medium text-gray-900 dark:text-gray-100">{issue.title}</span>
          )}
        </span>
      ))}
    </>
  );
}
