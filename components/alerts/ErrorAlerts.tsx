"use client";

import { formatDistanceToNow } from "date-fns";
import { useState } from "react";
import { SeverityBadge, StatusBadge } from "@/components/ui/Badge";
import { button } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { useAlertsQuery, useUpdateAlertMutation } from "@/lib/client/hooks/useAlertsQuery";
import { formatCount } from "@/lib/client/format";
import type { Me } from "@/lib/workspaces/getMe";
import { issueTitle } from "@/lib/domain/issueTitle";

/** Alerts shown before "Show all": the panel sits under the view and must not push it off the page. */
const FIRST_ALERTS = 5;

/** Open alerts for the workspace, with acknowledge and resolve for members and admins. */
export function ErrorAlerts({ workspace, onOpenError }: { workspace: Me["workspaces"][number]; onOpenError?: (errorId: string) => void }) {
  const { showToast } = useToast();
  const alerts = useAlertsQuery(workspace.id);
  const update = useUpdateAlertMutation(workspace.id, (message) => showToast(`Alert not updated: ${message}`));
  const canAct = workspace.role !== "viewer";
  const items = alerts.data?.items ?? [];
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? items : items.slice(0, FIRST_ALERTS);

  return (
    <Card title={`Active alerts${alerts.data ? ` (${items.length})` : ""}`} titleId="alerts-title" bodyClassName="">
      {alerts.isLoading ? (
        <LoadingState label="Loading alerts…" className="py-8" />
      ) : alerts.error && !alerts.data ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} className="py-8" />
      ) : items.length === 0 ? (
        <EmptyState title="No active alerts" className="py-8">
          Alerts fire when an alert rule&apos;s threshold is crossed.
        </EmptyState>
      ) : (
        <>
          <ul data-testid="alerts" className="divide-y divide-gray-100 dark:divide-gray-800">
            {shown.map((alert) => (
              <li key={alert.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:px-6">
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <SeverityBadge severity={alert.severity} />
                    <StatusBadge status={alert.status} />
                    <p className="min-w-0 text-sm font-medium text-gray-900 dark:text-gray-100">{alert.title}</p>
                  </div>
                  <p className="mt-1 text-xs text-gray-500 dark:text-gray-400">
                    {alert.rule.name} · fired {formatDistanceToNow(new Date(alert.firedAt), { addSuffix: true })}
                    {alert.count > 1 && ` · ${formatCount(alert.count)} times`}
                    {alert.stage !== "initial" && ` · escalated (${alert.stage})`}
                  </p>
                  {alert.errorId && onOpenError && (
                    <button
                      type="button"
                      onClick={() => onOpenError(alert.errorId!)}
                      aria-label={alert.error ? `Open issue ${issueTitle(alert.error, 80)}` : "Open issue"}
                      className="mt-1 text-xs font-medium text-blue-700 hover:underline dark:text-blue-400"
                    >
                      Open issue
                    </button>
                  )}
                </div>
                {canAct && (
                  <div className="flex shrink-0 gap-2">
                    {alert.status === "active" && (
                      <button type="button" className={button.secondary} onClick={() => update.mutate({ alertId: alert.id, status: "acknowledged" })}>
                        Acknowledge
                      </button>
                    )}
                    <button type="button" className={button.secondary} onClick={() => update.mutate({ alertId: alert.id, status: "resolved" })}>
                      Resolve
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {items.length > FIRST_ALERTS && (
            <div className="border-t border-gray-100 px-4 py-2 sm:px-6 dark:border-gray-800">
              <button type="button" aria-expanded={showAll} onClick={() => setShowAll(!showAll)} className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
                {showAll ? "Show fewer" : `Show all ${formatCount(items.length)} alerts`}
              </button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
