"use client";

import Link from "next/link";
import { formatDistanceToNow } from "date-fns";
import { useState, type ReactNode } from "react";
import { ReleaseCommits } from "@/components/releases/ReleaseCommits";
import { ReleaseDayChart } from "@/components/releases/ReleaseDayChart";
import { ReleaseDeploys } from "@/components/releases/ReleaseDeploys";
import { ReleaseIssues } from "@/components/releases/ReleaseIssues";
import { WorkspaceShell, type Workspace } from "@/components/settings/WorkspaceShell";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { ProjectFilter } from "@/components/ui/ProjectFilter";
import { LoadingState } from "@/components/ui/Spinner";
import { ApiRequestError } from "@/lib/client/apiFetch";
import { crashFreeColor, crashFreeText, shareText } from "@/lib/client/crashFree";
import { sessionsTitle } from "@/lib/client/sessionsTitle";
import { countOf, formatCount } from "@/lib/client/format";
import { useReleaseQuery } from "@/lib/client/hooks/useReleaseQuery";
import { releaseHref, releaseIssueListHref } from "@/lib/client/releaseLinks";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { exactTime } from "@/lib/client/zonedTime";
import type { ReleaseDetail } from "@/lib/releases/getRelease";
import type { EnvironmentHealth } from "@/lib/releases/releaseHealth";
import { quoteValue } from "@/lib/search/formatSearch";

/** /releases/:version — one release: its figures, its last 30 days, its health per environment and its issues. */
export function ReleaseDetailPage({ version }: { version: string }) {
  return (
    <WorkspaceShell active="releases" title={version} subtitle="Release" width="wide">
      {({ workspace }) => <ReleaseBody key={workspace.id} workspace={workspace} version={version} />}
    </WorkspaceShell>
  );
}

function ReleaseBody({ workspace, version }: { workspace: Workspace; version: string }) {
  const [projectId, setProjectId] = useState("");
  const release = useReleaseQuery(workspace.id, version, { projectId: projectId || undefined });
  const back = (
    <Link href={`/releases?ws=${workspace.id}`} className="text-sm text-blue-700 hover:underline dark:text-blue-400">
      ← All releases
    </Link>
  );
  if (release.isLoading) return <LoadingState />;
  if (release.error instanceof ApiRequestError && release.error.status === 404) {
    return (
      <Card>
        <EmptyState title="No such release">
          No error, session or deploy tool named the release <code>{version}</code>{projectId ? " in this project" : " in this workspace"}. {back}
        </EmptyState>
      </Card>
    );
  }
  if (release.error || !release.data) return <ErrorState error={release.error ?? new Error("no data")} onRetry={() => void release.refetch()} />;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Releases" className="flex flex-wrap items-center gap-4">
          {back}
          <Neighbour workspaceId={workspace.id} version={release.data.previous} label="Older" />
          <Neighbour workspaceId={workspace.id} version={release.data.next} label="Newer" />
        </nav>
        <ProjectFilter projects={workspace.projects} value={projectId} onChange={setProjectId} />
      </div>
      <ReleaseFigures workspaceId={workspace.id} detail={release.data} />
      <Card title={`Last ${release.data.days.length} days`} titleId="release-days-title" actions={<span className="text-xs text-gray-500 dark:text-gray-400">Error events per UTC day{release.data.release.sessions ? " · crash-free sessions (line)" : ""}</span>}>
        <ReleaseDayChart days={release.data.days} />
      </Card>
      {release.data.environments.length > 0 && <Environments rows={release.data.environments} />}
      <ReleaseIssues
        introduced={release.data.introducedIssues}
        top={release.data.topIssues}
        counts={{ introduced: release.data.release.newIssues, all: release.data.release.issues }}
        listHrefs={{
          introduced: releaseIssueListHref(workspace.id, `firstRelease:${quoteValue(version)}`),
          all: releaseIssueListHref(workspace.id, `release:${quoteValue(version)}`),
        }}
      />
      <ReleaseDeploys deploys={release.data.deploys} />
      <ReleaseCommits version={version} commits={release.data.commits} />
    </div>
  );
}

function Neighbour({ workspaceId, version, label }: { workspaceId: string; version: string | null; label: string }) {
  if (!version) return null;
  return (
    <Link href={releaseHref(workspaceId, version)} className="text-sm text-gray-600 hover:underline dark:text-gray-300" title={`${label} release: ${version}`}>
      {label === "Older" ? "‹ " : ""}
      {label}: <span className="font-mono text-xs">{version}</span>
      {label === "Newer" ? " ›" : ""}
    </Link>
  );
}

function ReleaseFigures({ workspaceId, detail }: { workspaceId: string; detail: ReleaseDetail }) {
  const zone = useTimeZone();
  const { release } = detail;
  const sessions = release.sessions;
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7" data-testid="release-figures">
      <Figure label="First seen" title={exactTime(release.firstSeen, zone)} note={`last seen ${formatDistanceToNow(new Date(release.lastSeen), { addSuffix: true })}`}>
        {formatDistanceToNow(new Date(release.firstSeen), { addSuffix: true })}
      </Figure>
      <Figure label="Error events">{formatCount(release.events)}</Figure>
      <Figure label="Issues" note={`${formatCount(release.unresolved)} unresolved`}>
        {release.issues > 0 ? (
          <Link href={releaseIssueListHref(workspaceId, `release:${quoteValue(release.version)}`)} className="text-blue-700 hover:underline dark:text-blue-400">
            {formatCount(release.issues)}
          </Link>
        ) : (
          "0"
        )}
      </Figure>
      <Figure label="New issues" title="Issues whose first release this is">
        <span className={release.newIssues > 0 ? "text-red-700 dark:text-red-400" : undefined}>{formatCount(release.newIssues)}</span>
      </Figure>
      <Figure label="Crash-free sessions" note={sessions ? countOf(sessions.total, "session") : undefined} title={sessions ? sessionsTitle(sessions) : "No session named this release"}>
        {sessions ? <span className={crashFreeColor(sessions.crashFreeRate)}>{crashFreeText(sessions.crashFreeRate)}</span> : <span className="text-gray-400">—</span>}
      </Figure>
      <Figure
        label="Crash-free users"
        note={sessions && sessions.users > 0 ? countOf(sessions.users, "user") : undefined}
        title={sessions && sessions.users > 0 ? `${countOf(sessions.users, "user")} with sessions, ${formatCount(sessions.crashedUsers)} of them with a crash` : "No session named its user (the SDK sends one once a user is set)"}
      >
        {sessions?.crashFreeUserRate != null ? <span className={crashFreeColor(sessions.crashFreeUserRate)}>{crashFreeText(sessions.crashFreeUserRate)}</span> : <span className="text-gray-400">—</span>}
      </Figure>
      <Figure label="Adoption" title="Its share of all releases' sessions started today and yesterday (UTC)">
        {release.adoption === null ? <span className="text-gray-400">—</span> : shareText(release.adoption)}
      </Figure>
    </div>
  );
}

function Figure({ label, title, note, children }: { label: string; title?: string; note?: string; children: ReactNode }) {
  return (
    <div className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800" title={title}>
      <p className="text-xs font-medium uppercase text-gray-500 dark:text-gray-400">{label}</p>
      <p className="mt-1 text-lg font-semibold tabular-nums text-gray-900 dark:text-gray-100">{children}</p>
      {note && <p className="text-xs text-gray-500 dark:text-gray-400">{note}</p>}
    </div>
  );
}

function Environments({ rows }: { rows: EnvironmentHealth[] }) {
  return (
    <Card title="Sessions per environment" titleId="release-environments-title" bodyClassName="p-0">
      {/* Narrow screens: "with errors" left out, and the table scrolls inside the card rather than widening the page. */}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" aria-labelledby="release-environments-title">
          <thead className="text-xs uppercase text-gray-500 dark:text-gray-400">
            <tr>
              <th className="px-4 py-2 font-medium sm:px-6">Environment</th>
              <th className="px-2 py-2 text-right font-medium">Sessions</th>
              <th className="hidden px-2 py-2 text-right font-medium sm:table-cell">With errors</th>
              <th className="px-2 py-2 text-right font-medium">Crashed</th>
              <th className="hidden px-2 py-2 text-right font-medium sm:table-cell" title="Ended by the OS without a crash: ANRs, watchdog kills, app hangs (not counted as crashes)">
                Abnormal
              </th>
              <th className="px-4 py-2 text-right font-medium sm:px-6">Crash-free</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {rows.map((row) => (
              <tr key={row.environment} data-testid="release-environment">
                <td className="px-4 py-2 sm:px-6">{row.environment || <span className="text-gray-500 dark:text-gray-400">(none)</span>}</td>
                <td className="px-2 py-2 text-right tabular-nums">{formatCount(row.total)}</td>
                <td className="hidden px-2 py-2 text-right tabular-nums sm:table-cell">{formatCount(row.errored)}</td>
                <td className="px-2 py-2 text-right tabular-nums">{formatCount(row.crashed)}</td>
                <td className="hidden px-2 py-2 text-right tabular-nums sm:table-cell">{formatCount(row.abnormal)}</td>
                <td className={`px-4 py-2 text-right tabular-nums sm:px-6 ${crashFreeColor(row.crashFreeRate)}`}>{crashFreeText(row.crashFreeRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
