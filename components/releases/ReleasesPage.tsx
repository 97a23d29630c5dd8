"use client";

import Link from "next/link";
import { formatDistanceToNow, formatDistanceToNowStrict } from "date-fns";
import { WorkspaceShell } from "@/components/settings/WorkspaceShell";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { ProjectFilter } from "@/components/ui/ProjectFilter";
import { useProjectParam } from "@/lib/client/useProjectParam";
import { LoadingState } from "@/components/ui/Spinner";
import { countOf, formatCount } from "@/lib/client/format";
import { useReleasesQuery } from "@/lib/client/hooks/useReleasesQuery";
import { crashFreeColor, crashFreeText, shareText } from "@/lib/client/crashFree";
import { sessionsTitle } from "@/lib/client/sessionsTitle";
import { releaseHref, releaseIssueListHref } from "@/lib/client/releaseLinks";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { exactTime } from "@/lib/client/zonedTime";
import type { ReleaseSummary } from "@/lib/releases/listReleases";
import { quoteValue } from "@/lib/search/formatSearch";
import type { Me } from "@/lib/workspaces/getMe";

/** /releases — every release the workspace's errors and sessions came from, newest first, with the issues it brought and its crash-free share. */
export function ReleasesPage() {
  return (
    <WorkspaceShell active="releases" title="Releases" subtitle="What each release brought: its errors, the issues it introduced, what is still open and how often it crashed" width="wide">
      {({ workspace }) => <ReleaseTable key={workspace.id} workspace={workspace} />}
    </WorkspaceShell>
  );
}

function ReleaseTable({ workspace }: { workspace: Me["workspaces"][number] }) {
  const [projectId, setProjectId] = useProjectParam(workspace.projects);
  const releases = useReleasesQuery(workspace.id, { projectId: projectId || undefined });
  const listHref = (search: string) => releaseIssueListHref(workspace.id, search);
  const pageHref = (version: string) => releaseHref(workspace.id, version);
  // Versions of several projects share the list unless it is narrowed to one: each says whose it is.
  const projectNames = workspace.projects.length > 1 && !projectId ? new Map(workspace.projects.map((p) => [p.id, p.name])) : null;

  return (
    <Card title="Releases" titleId="releases-title" bodyClassName="p-0" actions={<ProjectFilter projects={workspace.projects} value={projectId} onChange={setProjectId} />}>
      {releases.isLoading ? (
        <LoadingState />
      ) : releases.error || !releases.data ? (
        <ErrorState error={releases.error ?? new Error("no data")} onRetry={() => void releases.refetch()} />
      ) : releases.data.items.length === 0 ? (
        <EmptyState title="No releases yet">
          Errors and sessions carry their release when the SDK is given one (<code>release</code> in <code>Sentry.init</code>, or the native API&apos;s <code>release</code> field).
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[52rem] text-left text-sm" aria-labelledby="releases-title">
            <thead className="text-xs uppercase text-gray-500 dark:text-gray-400">
              <tr>
                <th className="px-4 py-2 font-medium sm:px-6">Release</th>
                <th className="px-2 py-2 font-medium">First seen</th>
                <th className="px-2 py-2 font-medium">Last seen</th>
                <th className="px-2 py-2 text-right font-medium">Events</th>
                <th className="px-2 py-2 text-right font-medium">Issues</th>
                <th className="px-2 py-2 text-right font-medium" title="Issues first seen in this release">
                  New
                </th>
                <th className="px-2 py-2 text-right font-medium">Unresolved</th>
                <th className="px-2 py-2 text-right font-medium" title="Its share of all releases' sessions started today and yesterday (UTC)">
                  Adoption
                </th>
                <th className="px-2 py-2 text-right font-medium" title="Sessions that did not crash or hit an unhandled error (Sentry release health)">
                  Crash-free
                </th>
                <th className="px-4 py-2 text-right font-medium sm:px-6" title="Users (as the SDK names them) who had no crashed session of the release">
                  Crash-free users
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
              {releases.data.items.map((release) => (
                <ReleaseRow key={release.version} release={release} listHref={listHref} pageHref={pageHref} projectNames={projectNames} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

/** Its latest deploy, else when it was finalized, as the deploy tool reported them. */
function ShippedNote({ release }: { release: ReleaseSummary }) {
  const zone = useTimeZone();
  const deploy = release.lastDeploy;
  const at = deploy?.finishedAt ?? release.dateReleased;
  if (!at) return null;
  return (
    <p className="font-sans text-xs text-gray-500 dark:text-gray-400" title={exactTime(at, zone)} data-testid="release-shipped">
      {deploy ? `deployed to ${deploy.environment}` : "released"} {formatDistanceToNowStrict(new Date(at), { addSuffix: true })}
    </p>
  );
}

function ReleaseRow({
  release,
  listHref,
  pageHref,
  projectNames,
}: {
  release: ReleaseSummary;
  listHref: (search: string) => string;
  pageHref: (version: string) => string;
  /** Project names by id, when the list mixes projects (null when it is one project's). */
  projectNames: Map<string, string> | null;
}) {
  const zone = useTimeZone();
  const term = `release:${quoteValue(release.version)}`;
  return (
    <tr data-testid="release-row">
      <td className="min-w-[12rem] max-w-[16rem] px-4 py-2 font-mono text-xs sm:px-6">
        <div className="truncate">
          <Link href={pageHref(release.version)} className="text-blue-700 hover:underline dark:text-blue-400" title={`Release ${release.version}: its days, environments and issues`}>
            {release.version}
          </Link>
        </div>
        {projectNames && release.projectIds.length > 0 && (
          <p className="truncate font-sans text-xs text-gray-500 dark:text-gray-400" data-testid="release-projects">
            {release.projectIds.map((id) => projectNames.get(id) ?? "another project").join(" · ")}
          </p>
        )}
        <ShippedNote release={release} />
      </td>
      <td className="whitespace-nowrap px-2 py-2 text-gray-700 dark:text-gray-300" title={exactTime(release.firstSeen, zone)}>
        {formatDistanceToNow(new Date(release.firstSeen), { addSuffix: true })}
      </td>
      <td className="whitespace-nowrap px-2 py-2 text-gray-700 dark:text-gray-300" title={exactTime(release.lastSeen, zone)}>
        {formatDistanceToNow(new Date(release.lastSeen), { addSuffix: true })}
      </td>
      <td className="px-2 py-2 text-right tabular-nums">{formatCount(release.events)}</td>
      <td className="px-2 py-2 text-right tabular-nums">
        {release.issues > 0 ? (
          <Link href={listHref(term)} className="text-blue-700 hover:underline dark:text-blue-400" aria-label={`${countOf(release.issues, "issue")} seen in ${release.version}`}>
            {formatCount(release.issues)}
          </Link>
        ) : (
          <span className="text-gray-500 dark:text-gray-400">0</span>
        )}
      </td>
      <td className="px-2 py-2 text-right tabular-nums">
        {release.newIssues > 0 ? (
          <Link
            href={listHref(`firstRelease:${quoteValue(release.version)}`)}
            className="font-semibold text-red-700 hover:underline dark:text-red-400"
            aria-label={`${countOf(release.newIssues, "issue")} introduced in ${release.version}`}
          >
            {formatCount(release.newIssues)}
          </Link>
        ) : (
          <span className="text-gray-500 dark:text-gray-400">0</span>
        )}
      </td>
      <td className="px-2 py-2 text-right tabular-nums">
        {release.unresolved > 0 ? (
          <Link href={listHref(`${term} is:unresolved`)} className="text-blue-700 hover:underline dark:text-blue-400" aria-label={`${countOf(release.unresolved, "unresolved issue")} in ${release.version}`}>
            {formatCount(release.unresolved)}
          </Link>
        ) : (
          <span className="text-gray-500 dark:text-gray-400">0</span>
        )}
      </td>
      <td className="px-2 py-2 text-right tabular-nums">{release.adoption === null ? <span className="text-gray-400">—</span> : shareText(release.adoption)}</td>
      <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">
        {release.sessions ? (
          <span className={crashFreeColor(release.sessions.crashFreeRate)} title={sessionsTitle(release.sessions)}>
            {crashFreeText(release.sessions.crashFreeRate)}
          </span>
        ) : (
          <span className="text-gray-400" title="No session named this release">
            —
          </span>
        )}
      </td>
      <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums sm:px-6">
        {release.sessions?.crashFreeUserRate != null ? (
          <span className={crashFreeColor(release.sessions.crashFreeUserRate)} title={`${countOf(release.sessions.users, "user")}: ${formatCount(release.sessions.crashedUsers)} with a crash`}>
            {crashFreeText(release.sessions.crashFreeUserRate)}
          </span>
        ) : (
          <span className="text-gray-400" title="No session named its user">
            —
          </span>
        )}
      </td>
    </tr>
  );
}
