"use client";

import Link from "next/link";
import { useState } from "react";
import { Pagination } from "@/components/errors/Pagination";
import { FeedbackEntry } from "@/components/feedback/FeedbackEntry";
import { WorkspaceShell } from "@/components/settings/WorkspaceShell";
import { Card } from "@/components/ui/Card";
import { ProjectFilter } from "@/components/ui/ProjectFilter";
import { useProjectParam } from "@/lib/client/useProjectParam";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useWorkspaceFeedbackQuery } from "@/lib/client/hooks/useWorkspaceFeedbackQuery";
import type { Me } from "@/lib/workspaces/getMe";
import { isLoggedMessage } from "@/lib/domain/issueTitle";

/** /feedback — what users wrote through the SDKs (widget, crash-report dialog, API), newest first, with the issue each is about. */
export function FeedbackPage() {
  return (
    <WorkspaceShell active="feedback" title="User feedback" subtitle="What people wrote from your apps, newest first" width="wide">
      {({ workspace }) => <FeedbackList key={workspace.id} workspace={workspace} />}
    </WorkspaceShell>
  );
}

function FeedbackList({ workspace }: { workspace: Me["workspaces"][number] }) {
  const [projectId, setProjectId] = useProjectParam(workspace.projects);
  const [page, setPage] = useState(1);
  const feedback = useWorkspaceFeedbackQuery(workspace.id, { projectId: projectId || undefined, page });

  return (
    <Card
      title="Feedback"
      titleId="feedback-title"
      bodyClassName="p-0"
      actions={<ProjectFilter projects={workspace.projects} value={projectId} onChange={(id) => { setProjectId(id); setPage(1); }} />}
    >
      {feedback.isLoading ? (
        <LoadingState />
      ) : feedback.error || !feedback.data ? (
        <ErrorState error={feedback.error ?? new Error("no data")} onRetry={() => void feedback.refetch()} />
      ) : feedback.data.items.length === 0 ? (
        <EmptyState title="No feedback yet">
          Sentry SDKs send it with <code>Sentry.captureFeedback</code>, the feedback widget or <code>Sentry.showReportDialog()</code>.
        </EmptyState>
      ) : (
        <>
          <ol className="divide-y divide-gray-200 px-4 sm:px-6 dark:divide-gray-800" aria-label="User feedback">
            {feedback.data.items.map((item) => (
              <FeedbackEntry key={item.id} item={item}>
                {item.issue ? (
                  <Link href={`/errors/${item.issue.id}?event=${item.eventId}`} className="max-w-full truncate text-blue-700 hover:underline dark:text-blue-400">
                    {isLoggedMessage(item.issue) ? (
                      item.issue.message
                    ) : (
                      <>
                        <span className="font-mono">{item.issue.type}</span>
                        {item.issue.message ? `: ${item.issue.message}` : ""}
                      </>
                    )}
                  </Link>
                ) : (
                  <span>{item.eventId ? `event ${item.eventId.slice(0, 12)} (not stored)` : "not about an error"}</span>
                )}
                {workspace.projects.length > 1 && <span>{item.projectName}</span>}
              </FeedbackEntry>
            ))}
          </ol>
          <Pagination page={page} pageSize={feedback.data.pageSize} total={feedback.data.total} onPage={setPage} />
        </>
      )}
    </Card>
  );
}
