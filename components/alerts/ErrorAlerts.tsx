"use client";

import Link from "next/link";
import { useCallback, useRef, useState } from "react";
import { AlertRow } from "@/components/alerts/AlertRow";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { useAlertQuery, useAlertsQuery, useUpdateAlertMutation } from "@/lib/client/hooks/useAlertsQuery";
import type { AlertDto } from "@/lib/alerts/alertDto";
import { formatCount } from "@/lib/client/format";
import type { Me } from "@/lib/workspaces/getMe";

/** Alerts shown before "Show all": the panel sits under the view and must not push it off the page. */
const FIRST_ALERTS = 5;

/**
 * Open alerts for the workspace (or one issue), with acknowledge and resolve for members and admins.
 * `linkedAlertId` (a notification's link, `?alert=`) is scrolled to and marked; when it is no longer
 * open it is shown above the open ones with its status.
 */
export function ErrorAlerts({
  workspace,
  onOpenError,
  linkedAlertId = null,
  errorId = null,
  projectId = null,
}: {
  workspace: Me["workspaces"][number];
  onOpenError?: (errorId: string) => void;
  linkedAlertId?: string | null;
  /** Only this issue's alerts, and nothing at all while it has none open and none is linked (the issue page). */
  errorId?: string | null;
  /** Only this project's alerts (the dashboard's project filter). */
  projectId?: string | null;
}) {
  const { showToast } = useToast();
  const alerts = useAlertsQuery(workspace.id, errorId, projectId);
  const update = useUpdateAlertMutation(workspace.id, (message) => showToast(`Alert not updated: ${message}`));
  const canAct = workspace.role !== "viewer";
  const items = alerts.data?.items ?? [];
  // null until the reader chooses: then all when the linked alert is past the first few.
  const [showAll, setShowAll] = useState<boolean | null>(null);
  const linkedIndex = linkedAlertId ? items.findIndex((a) => a.id === linkedAlertId) : -1;
  const closedLinked = useAlertQuery(linkedAlertId && alerts.data && linkedIndex < 0 ? linkedAlertId : null);
  const shown = (showAll ?? linkedIndex >= FIRST_ALERTS) ? items : items.slice(0, FIRST_ALERTS);
  const scrolledTo = useRef<string | null>(null);
  const scrollOnce = useCallback(
    (row: HTMLElement | null) => {
      if (!row || !linkedAlertId || scrolledTo.current === linkedAlertId) return;
      scrolledTo.current = linkedAlertId;
      row.scrollIntoView({ block: "center" });
    },
    [linkedAlertId],
  );
  const row = (alert: AlertDto) => (
    <AlertRow
      key={alert.id}
      alert={alert}
      linked={alert.id === linkedAlertId}
      rowRef={alert.id === linkedAlertId ? scrollOnce : undefined}
      onOpenError={onOpenError}
      onUpdate={canAct ? (status) => update.mutate({ alertId: alert.id, status }) : undefined}
      compact={errorId !== null}
      showProject={errorId === null && projectId === null && workspace.projects.length > 1}
    />
  );

  if (errorId && items.length === 0 && !closedLinked.data) return null;
  return (
    <Card
      title={`${errorId ? "Open alerts" : "Active alerts"}${alerts.data ? ` (${items.length})` : ""}`}
      titleId={errorId ? "issue-alerts-title" : "alerts-title"}
      actions={
        errorId === null && (
          <Link href={`/settings/alerts?ws=${workspace.id}`} className="text-sm text-blue-700 hover:underline dark:text-blue-400">
            Rules and channels
          </Link>
        )
      }
      bodyClassName=""
    >
      {closedLinked.data && (
        <div className="border-b border-gray-100 dark:border-gray-800">
          <p className="px-4 pt-3 text-xs font-medium uppercase tracking-wide text-gray-500 sm:px-6 dark:text-gray-400">The alert you followed is no longer open</p>
          <ul>{row(closedLinked.data)}</ul>
        </div>
      )}
      {closedLinked.isError && (
        <p role="status" className="border-b border-gray-100 px-4 py-3 text-sm text-gray-600 sm:px-6 dark:border-gray-800 dark:text-gray-400">
          The alert you followed was not found in this workspace.
        </p>
      )}
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
            {shown.map(row)}
          </ul>
          {items.length > FIRST_ALERTS && (
            <div className="border-t border-gray-100 px-4 py-2 sm:px-6 dark:border-gray-800">
              <button type="button" aria-expanded={shown.length === items.length} onClick={() => setShowAll(shown.length < items.length)} className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
                {shown.length === items.length ? "Show fewer" : `Show all ${formatCount(items.length)} alerts`}
              </button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
