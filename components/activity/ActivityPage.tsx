"use client";

import Link from "next/link";
import { useState } from "react";
import { auditChanges, describeAudit } from "@/components/activity/describeAudit";
import { Pagination } from "@/components/errors/Pagination";
import { WorkspaceShell } from "@/components/settings/WorkspaceShell";
import { input } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useAuditQuery } from "@/lib/client/hooks/useAuditQuery";
import { RelativeTime } from "@/components/ui/RelativeTime";

const FILTERS = [
  { value: "", label: "Everything" },
  { value: "member.", label: "Members" },
  { value: "invitation.", label: "Invitations" },
  { value: "project.", label: "Projects" },
  { value: "ingest_key.", label: "Ingest keys" },
  { value: "team.", label: "Teams" },
  { value: "assignment_rule.", label: "Assignment rules" },
  { value: "alert.", label: "Alerts" },
  { value: "alert_rule.", label: "Alert rules" },
  { value: "notification_channel.", label: "Notification channels" },
  { value: "forwarding_rule.", label: "Forwarding rules" },
  { value: "error.", label: "Issues" },
  { value: "user.", label: "Accounts" },
];

/** /activity — every change in the workspace, newest first: who, what, when. */
export function ActivityPage() {
  return (
    <WorkspaceShell active="activity" title="Activity" subtitle="Every change in this workspace, newest first" width="wide">
      {({ workspace }) => <ActivityList key={workspace.id} workspaceId={workspace.id} />}
    </WorkspaceShell>
  );
}

function ActivityList({ workspaceId }: { workspaceId: string }) {
  const [action, setAction] = useState("");
  const [page, setPage] = useState(1);
  const audit = useAuditQuery(workspaceId, { action: action || undefined, page });

  return (
    <Card
      title="Audit log"
      titleId="audit-title"
      bodyClassName="p-0"
      actions={
        <select aria-label="Show" value={action} onChange={(e) => { setAction(e.target.value); setPage(1); }} className={input}>
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      }
    >
      {audit.isLoading ? (
        <LoadingState />
      ) : audit.error || !audit.data ? (
        <ErrorState error={audit.error ?? new Error("no data")} onRetry={() => void audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState title="Nothing recorded yet" />
      ) : (
        <>
          <ul className="divide-y divide-gray-200 dark:divide-gray-800" aria-label="Activity">
            {audit.data.items.map((item) => {
              const { actor, verb, href, issueTitle } = describeAudit(item);
              return (
                <li key={item.id} data-testid="activity-row" className="px-4 py-3 text-sm sm:px-6">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <p className="min-w-0 text-gray-900 dark:text-gray-100">
                      <span className="font-medium">{actor}</span> {verb}
                      {href && (
                        <>
                          {" · "}
                          <Link
                            href={href}
                            title={issueTitle ?? undefined}
                            className="inline-block max-w-full truncate align-bottom text-blue-600 hover:underline sm:max-w-md dark:text-blue-400"
                          >
                            {issueTitle ?? "open the issue"}
                          </Link>
                        </>
                      )}
                    </p>
                    <RelativeTime iso={item.at} strict className="text-xs text-gray-500 dark:text-gray-400" />
                  </div>
                  <p className="mt-0.5 break-words font-mono text-xs text-gray-500 dark:text-gray-400">{auditChanges(item).join(" · ")}</p>
                </li>
              );
            })}
          </ul>
          <Pagination page={page} pageSize={audit.data.pageSize} total={audit.data.total} onPage={setPage} />
        </>
      )}
    </Card>
  );
}
