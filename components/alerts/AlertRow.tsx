"use client";

import { formatDistanceToNow } from "date-fns";
import { SeverityBadge, StatusBadge } from "@/components/ui/Badge";
import { button } from "@/components/ui/buttonStyles";
import type { AlertDto } from "@/lib/alerts/alertDto";
import { formatCount } from "@/lib/client/format";
import type { AlertAction } from "@/lib/domain/alertStatus";
import { issueTitle } from "@/lib/domain/issueTitle";

/** One alert: severity, status, title, rule and when it fired; its issue; acknowledge / resolve while open. */
export function AlertRow({
  alert,
  linked,
  rowRef,
  onOpenError,
  onUpdate,
  compact = false,
  showProject = false,
}: {
  alert: AlertDto;
  linked: boolean;
  /** Name the alert's project (a list that mixes the projects of a workspace of several). */
  showProject?: boolean;
  /** A narrow column (the issue page's sidebar): the buttons under the text, never beside it. */
  compact?: boolean;
  rowRef?: (row: HTMLElement | null) => void;
  onOpenError?: (errorId: string) => void;
  onUpdate?: (status: AlertAction) => void;
}) {
  return (
    <li
      ref={rowRef}
      data-testid={linked ? "linked-alert" : undefined}
      aria-current={linked ? "true" : undefined}
      className={`flex flex-col gap-2 px-4 py-3 ${compact ? "" : "sm:flex-row sm:items-center sm:px-6"} ${linked ? "bg-amber-50 ring-1 ring-inset ring-amber-300 dark:bg-amber-950/40 dark:ring-amber-800" : ""}`}
    >
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <SeverityBadge severity={alert.severity} />
          <StatusBadge status={alert.status} />
          <p className="min-w-0 break-words text-sm font-medium text-gray-900 [overflow-wrap:anywhere] dark:text-gray-100">{alert.title}</p>
        </div>
        <p className="mt-1 text-xs text-gray-500 dark:text-gray-400">
          {showProject && alert.project?.name && `${alert.project.name} · `}
          {alert.rule.name} · fired {formatDistanceToNow(new Date(alert.firedAt), { addSuffix: true })}
          {alert.count > 1 && ` · ${formatCount(alert.count)} times`}
          {alert.stage !== "initial" && ` · escalated (${alert.stage})`}
          {alert.resolvedAt && ` · resolved ${formatDistanceToNow(new Date(alert.resolvedAt), { addSuffix: true })}`}
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
      {onUpdate && alert.status !== "resolved" && (
        <div className="flex shrink-0 gap-2">
          {alert.status === "active" && (
            <button type="button" className={button.secondary} onClick={() => onUpdate("acknowledged")}>
              Acknowledge
            </button>
          )}
          <button type="button" className={button.secondary} onClick={() => onUpdate("resolved")}>
            Resolve
          </button>
        </div>
      )}
    </li>
  );
}
