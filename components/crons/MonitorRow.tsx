"use client";

import { Disclosure, DisclosureButton, DisclosurePanel } from "@headlessui/react";
import { formatDistanceToNow } from "date-fns";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { checkInLook, MONITOR_STATUS_BADGE } from "@/components/crons/checkInStatus";
import { EditMonitorDialog } from "@/components/crons/EditMonitorDialog";
import { MonitorHistory } from "@/components/crons/MonitorHistory";
import { RunStrip } from "@/components/crons/RunStrip";
import { Badge } from "@/components/ui/Badge";
import { button } from "@/components/ui/buttonStyles";
import { ModalDialog } from "@/components/ui/ModalDialog";
import type { MonitorListItem } from "@/lib/crons/listMonitors";
import { describeUptimeCheck } from "@/lib/crons/uptime/describeUptimeCheck";

function statusLabel(monitor: MonitorListItem): string {
  if (monitor.status === "failing") return "Failing";
  if (monitor.status === "ok") return "OK";
  if (monitor.lastCheckInStatus === "in_progress") return "First run in progress";
  return monitor.lastCheckInStatus ? "No successful run yet" : "Waiting for first run";
}

const ago = (iso: string) => formatDistanceToNow(new Date(iso), { addSuffix: true });

/** One monitor: slug, environment, status, schedule, the run strip, last and next check-in, its issue; its history on demand; delete for admins. */
export function MonitorRow({ monitor, focused = false, workspaceId, showProject, canEdit, isAdmin, onDelete, deleting, onCheck }: {
  monitor: MonitorListItem;
  /** Opened with its history and scrolled into view (linked from its issue). */
  focused?: boolean;
  workspaceId: string;
  showProject: boolean;
  canEdit: boolean;
  isAdmin: boolean;
  onDelete: () => void;
  deleting: boolean;
  /** Uptime monitors: request the URL now. */
  onCheck: { run: () => void; pending: boolean };
}) {
  const [confirming, setConfirming] = useState(false);
  const row = useRef<HTMLLIElement>(null);
  // Once, when it arrives focused: later polls re-render without moving the page.
  useEffect(() => {
    if (focused) row.current?.scrollIntoView({ block: "center" });
  }, [focused]);
  const [editing, setEditing] = useState(false);
  const checkSummary = monitor.uptimeCheck ? describeUptimeCheck(monitor.uptimeCheck) : "";
  return (
    <li
      ref={row}
      className={`py-3 ${focused ? "-mx-2 rounded-md px-2 ring-2 ring-blue-400" : ""}`}
      data-testid="monitor"
      aria-label={`${monitor.slug} (${monitor.environment})`}
    >
      <Disclosure defaultOpen={focused}>
        <div className="flex flex-col gap-2 lg:flex-row lg:items-center lg:gap-3">
          <div className="min-w-0 lg:flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-sm font-semibold text-gray-900 dark:text-gray-100">{monitor.slug}</span>
              <Badge>{monitor.environment}</Badge>
              <Badge className={MONITOR_STATUS_BADGE[monitor.status] ?? MONITOR_STATUS_BADGE.pending}>
                <span className="sr-only">Status: </span>
                {statusLabel(monitor)}
              </Badge>
              {monitor.muted && <Badge>Muted</Badge>}
              {showProject && <span className="text-xs text-gray-500 dark:text-gray-400">{monitor.projectName}</span>}
            </div>
            {monitor.url && (
              <p className="mt-0.5 break-all font-mono text-xs text-gray-700 dark:text-gray-300" data-testid="monitor-url">
                GET {monitor.url}
              </p>
            )}
            {checkSummary && (
              <p className="mt-0.5 text-xs text-gray-600 dark:text-gray-400" data-testid="monitor-check">
                {checkSummary}
              </p>
            )}
            <p className="mt-0.5 text-xs text-gray-600 dark:text-gray-400">
              {monitor.url && monitor.schedule ? (
                <>
                  Checked <span className="font-mono">{monitor.schedule}</span> · down after {monitor.failureIssueThreshold} failed check{monitor.failureIssueThreshold === 1 ? "" : "s"}
                </>
              ) : monitor.schedule ? (
                <>
                  <span className="font-mono">{monitor.schedule}</span> · margin {monitor.checkinMargin} min · max runtime {monitor.maxRuntime} min
                </>
              ) : (
                "No schedule: missed runs are detected once a check-in sends monitor_config"
              )}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <div className="flex w-[15rem] max-w-full justify-start lg:justify-end">
              <RunStrip runs={monitor.recent} />
            </div>
            <div className="w-44 text-xs text-gray-600 dark:text-gray-400">
              <LastRun monitor={monitor} />
              {monitor.nextExpectedAt && <div>Next due {ago(monitor.nextExpectedAt)}</div>}
            </div>
            {/* An uptime monitor's extra action (Check now) wraps inside the column instead of squeezing the name and URL. */}
            <div className={`flex items-center gap-1 lg:w-[16rem] lg:justify-end ${monitor.url ? "flex-wrap" : ""}`}>
              {monitor.issueId && (
                <Link href={`/errors/${monitor.issueId}`} className={button.ghost}>
                  Issue
                </Link>
              )}
              {monitor.url && canEdit && (
                <button type="button" className={`${button.ghost} whitespace-nowrap`} disabled={onCheck.pending} onClick={onCheck.run} aria-label={`Check ${monitor.slug} (${monitor.environment}) now`}>
                  {onCheck.pending ? "Checking…" : "Check now"}
                </button>
              )}
              <DisclosureButton className={button.secondary}>History</DisclosureButton>
              {canEdit && (
                <button type="button" className={button.ghost} onClick={() => setEditing(true)} aria-label={`Edit monitor ${monitor.slug} (${monitor.environment})`}>
                  Edit
                </button>
              )}
              {isAdmin && (
                <button type="button" className={button.ghost} onClick={() => setConfirming(true)} aria-label={`Delete monitor ${monitor.slug} (${monitor.environment})`}>
                  Delete
                </button>
              )}
            </div>
          </div>
        </div>
        <DisclosurePanel className="mt-3 rounded-md bg-gray-50 p-3 dark:bg-gray-900/60">
          <MonitorHistory monitorId={monitor.id} uptime={monitor.url !== null} />
        </DisclosurePanel>
      </Disclosure>
      {editing && <EditMonitorDialog monitor={monitor} workspaceId={workspaceId} canChangeUrl={isAdmin} open onClose={() => setEditing(false)} />}
      <ModalDialog open={confirming} title={`Delete monitor ${monitor.slug}?`} onClose={() => setConfirming(false)}>
        <p className="text-sm text-gray-700 dark:text-gray-300">
          Its runs are deleted; its issue stays. A job that still checks in creates the monitor again, without this history.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={button.secondary} onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button type="button" className={button.danger} disabled={deleting} onClick={() => { onDelete(); setConfirming(false); }}>
            Delete monitor
          </button>
        </div>
      </ModalDialog>
    </li>
  );
}

/**
 * The newest run: its outcome and when. A run the sweep marked missed has no check-in time of its
 * own (the monitor's lastCheckInAt stays the last real check-in), so it shows when it was due.
 */
function LastRun({ monitor }: { monitor: MonitorListItem }) {
  const latest = monitor.recent.at(-1);
  const status = latest?.status ?? monitor.lastCheckInStatus;
  if (!status) return <div>Last: never</div>;
  const look = checkInLook(status);
  const due = latest?.status === "missed" ? latest.expectedAt : null;
  const at = due ?? latest?.createdAt ?? monitor.lastCheckInAt;
  return (
    <div>
      Last: <span className={look.text}>{look.label}</span>
      {at && (due ? ` (due ${ago(at)})` : ` ${ago(at)}`)}
    </div>
  );
}
