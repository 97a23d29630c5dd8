"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";
import { SamplingNote } from "@/components/errors/SamplingNote";
import { Badge, SeverityBadge, StatusBadge } from "@/components/ui/Badge";
import { listViewLabel } from "@/lib/client/lastListView";
import { countOf, formatCount } from "@/lib/client/format";
import { useIssueEventQuery } from "@/lib/client/hooks/useIssueEventQuery";
import { lastSeenRelease } from "@/lib/client/lastSeenRelease";
import { releaseHref } from "@/lib/client/releaseLinks";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";
import { isLoggedMessage } from "@/lib/domain/issueTitle";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { MAIN_CONTENT_ID } from "@/components/ui/SkipLink";
import { useClamped } from "@/components/ui/useClamped";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { dateTime } from "@/lib/client/zonedTime";

interface IssueHeaderProps {
  issue: ErrorDetails;
  /** The issue's project (named when its workspace has several). */
  projectName?: string;
  listHref: string;
  actions: ReactNode;
}

/** When the issue was first / last seen, and in which release (opening the release's page). */
function Seen({ iso, release, label, workspaceId }: { iso: string; release: string | null; label: string; workspaceId: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-gray-500 dark:text-gray-400">{label}</dt>
      <dd className="text-sm text-gray-900 dark:text-gray-100">
        <RelativeTime iso={iso} />
        {release && (
          <span className="block max-w-[12rem] truncate text-xs text-gray-500 dark:text-gray-400">
            in{" "}
            <Link href={releaseHref(workspaceId, release)} className="hover:text-blue-700 hover:underline dark:hover:text-blue-400" title={`Release ${release}`}>
              {release}
            </Link>
          </span>
        )}
      </dd>
    </div>
  );
}

/** What a conditional resolve / ignore waits for, in words. */
export function statusDetailText(issue: ErrorDetails, zone: string): string | null {
  const d = issue.statusDetails;
  if (issue.status === "resolved" && d.inNextRelease) return `Resolved in the next release${d.resolvedRelease ? ` after ${d.resolvedRelease}` : ""}: only a newer release reopens it`;
  if (issue.status !== "ignored") return null;
  if (d.ignoredUntil) return `Ignored until ${dateTime(d.ignoredUntil, zone)}`;
  if (d.ignoreUntilEvents !== null) return `Ignored until ${countOf(Math.max(0, d.ignoreUntilEvents - issue.occurrences), "more event", "more events")}`;
  if (d.ignoreUntilUsers !== null) return `Ignored until ${countOf(Math.max(0, d.ignoreUntilUsers - issue.impact.usersAffected), "more user", "more users")} ${d.ignoreUntilUsers - issue.impact.usersAffected === 1 ? "is" : "are"} affected`;
  return "Ignored forever";
}

/** Always visible at the top of the issue page: what it is, where it happens, since when, and the actions. */
export function IssueHeader({ issue, projectName, listHref, actions }: IssueHeaderProps) {
  const zone = useTimeZone();
  const detail = statusDetailText(issue, zone);
  // The event viewer's "latest" (the same query, so no second request): the last seen release agrees with it.
  const latest = useIssueEventQuery(issue.errorId, "latest", {}, issue.recentOccurrences.length > 0);
  const [observeTitle, titleClamped] = useClamped<HTMLHeadingElement>();
  const [wholeTitle, setWholeTitle] = useState(false);
  return (
    <section id={MAIN_CONTENT_ID} aria-label="Issue summary" className="z-20 border-b sm:sticky sm:top-0 border-gray-200 bg-white/95 backdrop-blur dark:border-gray-800 dark:bg-gray-900/95" data-testid="issue-header">
      <div className="mx-auto max-w-screen-2xl px-3 py-3 sm:px-6 lg:px-8">
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <Link href={listHref} className="text-blue-700 hover:underline dark:text-blue-400">
            ← {listViewLabel(listHref)}
          </Link>
          <SeverityBadge severity={issue.severity} />
          <span data-testid="issue-status">
            <StatusBadge status={issue.status} />
          </span>
          {projectName && <Badge title="Project">{projectName}</Badge>}
          <Badge title="Category">{issue.category}</Badge>
          {issue.platform && issue.platform !== "unknown" && <Badge title="Platform">{issue.platform}</Badge>}
          {issue.regressed && issue.status === "new" && <Badge className="bg-orange-50 text-orange-800 dark:bg-orange-950 dark:text-orange-300">REGRESSED</Badge>}
        </div>
        {/* At most three lines (a long message would fill a phone's screen, and the sticky header the desk's): the whole on demand. */}
        <h1 ref={observeTitle} className={`mt-2 break-words text-lg font-semibold text-gray-900 sm:text-xl dark:text-gray-100 ${wholeTitle ? "" : "line-clamp-3"}`}>
          {isLoggedMessage(issue) ? (
            issue.message
          ) : (
            <>
              <span className="font-mono">{issue.type}</span>
              <span className="font-normal text-gray-700 dark:text-gray-300">{issue.message ? `: ${issue.message}` : ""}</span>
            </>
          )}
        </h1>
        {(titleClamped || wholeTitle) && (
          <button type="button" aria-expanded={wholeTitle} onClick={() => setWholeTitle((whole) => !whole)} className="text-xs font-medium text-blue-700 underline dark:text-blue-400">
            {wholeTitle ? "Show less of the title" : "Show the whole title"}
          </button>
        )}
        {issue.culprit && <p className="mt-0.5 truncate font-mono text-xs text-gray-500 dark:text-gray-400" data-testid="issue-culprit">{issue.culprit}</p>}
        {issue.monitor && (
          <p className="mt-0.5 text-xs text-gray-600 dark:text-gray-400" data-testid="issue-monitor">
            {issue.monitor.uptime ? "Uptime" : "Cron"} monitor <span className="font-mono">{issue.monitor.slug}</span> ({issue.monitor.environment}), now {issue.monitor.status}:{" "}
            <Link href={`/crons?ws=${issue.workspaceId}&monitor=${issue.monitor.id}`} className="font-medium text-blue-700 underline dark:text-blue-400">
              see its runs
            </Link>
          </p>
        )}
        <SamplingNote issue={issue} className="mt-1 inline-block" />
        {detail && (
          <p className="mt-1 text-xs font-medium text-gray-700 dark:text-gray-300" data-testid="status-detail">
            {detail}
          </p>
        )}
        <div className="mt-3 flex flex-col gap-3 xl:flex-row xl:items-end xl:justify-between">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 sm:flex sm:flex-wrap sm:gap-x-8">
            <div>
              <dt className="text-xs text-gray-500 dark:text-gray-400">Events</dt>
              <dd className="text-sm font-semibold text-gray-900 dark:text-gray-100" data-testid="issue-events">{formatCount(issue.occurrences)}</dd>
            </div>
            <div>
              <dt className="text-xs text-gray-500 dark:text-gray-400">Users</dt>
              <dd className="text-sm font-semibold text-gray-900 dark:text-gray-100">{formatCount(issue.impact.usersAffected)}</dd>
            </div>
            <Seen label="First seen" iso={issue.firstSeen} release={issue.releases.first} workspaceId={issue.workspaceId} />
            <Seen label="Last seen" iso={issue.lastSeen} release={lastSeenRelease(issue, latest.data)} workspaceId={issue.workspaceId} />
          </dl>
          <div className="xl:shrink-0">{actions}</div>
        </div>
      </div>
    </section>
  );
}
