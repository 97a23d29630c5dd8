"use client";

import Link from "next/link";
import { useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { AppHeader } from "@/components/dashboard/AppHeader";
import { NoWorkspaceState } from "@/components/dashboard/NoWorkspaceState";
import { UnknownWorkspaceNotice } from "@/components/dashboard/UnknownWorkspaceNotice";
import { SeverityBadge, StatusBadge } from "@/components/ui/Badge";
import { button, input } from "@/components/ui/buttonStyles";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { formatCount } from "@/lib/client/format";
import { useMeQuery } from "@/lib/client/hooks/useMeQuery";
import { useReportQuery } from "@/lib/client/hooks/useReportQuery";
import { pickWorkspace } from "@/lib/client/pickWorkspace";
import { ProjectFilter } from "@/components/ui/ProjectFilter";
import { dateTimeWithYear } from "@/lib/client/zonedTime";
import { duration } from "@/lib/reports/reportMarkdown";
import { isLoggedMessage } from "@/lib/domain/issueTitle";

const PRESETS: [string, number][] = [
  ["Last 24 hours", 1],
  ["Last 7 days", 7],
  ["Last 30 days", 30],
];
const DAY = 86_400_000;

/** The printable report for a window: totals, top errors, categories, severities, resolution times. */
export function ReportPage() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const me = useMeQuery();
  // The header's workspace; the report's, unless the link names a workspace not theirs (then none).
  const { workspace: headerWorkspace, unknownId } = pickWorkspace(me.data?.workspaces ?? [], params.get("ws"));
  const workspace = unknownId ? undefined : headerWorkspace;
  // The window is fixed when the page opens (or from the URL), so the report does not drift while read.
  const [now] = useState(() => Math.ceil(Date.now() / 3_600_000) * 3_600_000);
  const until = params.get("until") ?? new Date(now).toISOString();
  const since = params.get("since") ?? new Date(Date.parse(until) - 7 * DAY).toISOString();
  // A project of another workspace (an old link) is no filter.
  const project = workspace?.projects.find((p) => p.id === params.get("project"));
  const scope = { since, until, ...(project && { projectId: project.id }) };
  const report = useReportQuery(workspace?.id, scope);
  const go = (patch: Record<string, string>) =>
    router.replace(`${pathname}?${new URLSearchParams({ ...(workspace && { ws: workspace.id }), since, until, ...(project && { project: project.id }), ...patch })}`);
  const mdHref = workspace ? `/api/v1/workspaces/${workspace.id}/report?${new URLSearchParams({ ...scope, format: "md" })}` : "#";

  return (
    <div className="min-h-screen">
      <div className="print:hidden">
        <AppHeader me={me.data} workspace={headerWorkspace} onWorkspaceChange={(id) => router.push(`/reports?ws=${id}`)} active="reports" />
      </div>
      <main className="mx-auto max-w-5xl space-y-6 px-3 py-6 sm:px-6 print:max-w-none print:p-0">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-bold text-gray-900 dark:text-gray-100 print:text-black">Error report{workspace ? `: ${workspace.name}` : ""}
              {project ? ` · ${project.name}` : ""}
            </h1>
            <p className="text-sm text-gray-500 dark:text-gray-400" data-testid="report-window">
              {dateTimeWithYear(since, "UTC")} → {dateTimeWithYear(until, "UTC")} (whole UTC hours)
            </p>
            {workspace && workspace.projects.length > 1 && (
              <div className="mt-2 print:hidden">
                <ProjectFilter projects={workspace.projects} value={project?.id ?? ""} onChange={(id) => go({ project: id })} className={`${input} py-1`} />
              </div>
            )}
          </div>
          <div className="flex flex-wrap items-end gap-2 print:hidden">
            {PRESETS.map(([label, days]) => (
              <button key={days} type="button" className={button.secondary} onClick={() => go({ since: new Date(now - days * DAY).toISOString(), until: new Date(now).toISOString() })}>
                {label}
              </button>
            ))}
            <label className="text-xs text-gray-500 dark:text-gray-400">
              From (UTC)
              <input type="date" className={`${input} mt-0.5 block py-1`} value={since.slice(0, 10)} onChange={(e) => e.target.value && go({ since: `${e.target.value}T00:00:00.000Z` })} />
            </label>
            <label className="text-xs text-gray-500 dark:text-gray-400">
              To (UTC)
              <input type="date" className={`${input} mt-0.5 block py-1`} value={until.slice(0, 10)} onChange={(e) => e.target.value && go({ until: `${e.target.value}T00:00:00.000Z` })} />
            </label>
            <a className={button.secondary} href={mdHref} download data-testid="report-markdown">
              Markdown
            </a>
            <button type="button" className={button.primary} onClick={() => window.print()}>
              Print
            </button>
          </div>
        </div>
        {report.isLoading || me.isLoading ? (
          <LoadingState label="Building the report…" />
        ) : report.error && !report.data ? (
          <ErrorState error={report.error} onRetry={() => void report.refetch()} />
        ) : unknownId && headerWorkspace ? (
          <UnknownWorkspaceNotice fallback={headerWorkspace} />
        ) : me.data && !workspace ? (
          <NoWorkspaceState onCreated={(id) => router.push(`/reports?ws=${id}`)} />
        ) : !report.data ? (
          <EmptyState title="No workspace" />
        ) : (
          <ReportBody report={report.data} />
        )}
      </main>
    </div>
  );
}

function ReportBody({ report }: { report: NonNullable<ReturnType<typeof useReportQuery>["data"]> }) {
  const t = report.totals;
  const totals: [string, number][] = [
    ["Events", t.events],
    ["Critical events", t.criticalEvents],
    ["Issues with events", t.active],
    ["New issues", t.new],
    ["Resolved", t.resolved],
    ["Regressed", t.regressed],
    ["Still unresolved", t.unresolved],
    ["Affected users", t.affectedUsers],
  ];
  return (
    <div className="space-y-6" data-testid="report">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {totals.map(([label, value]) => (
          <div key={label} className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800 print:shadow-none">
            <dt className="text-xs text-gray-500 dark:text-gray-400">{label}</dt>
            <dd className="text-xl font-semibold text-gray-900 dark:text-gray-100" data-testid={`report-${label}`}>
              {formatCount(value)}
            </dd>
          </div>
        ))}
      </dl>
      <ReportTable title="Top errors" head={["Error", "Severity", "Status", "Events", "Users"]} leftAligned={["Severity", "Status"]} wideOnly={["Status"]} empty="No events in this window.">
        {report.topErrors.map((e) => (
          <tr key={e.id}>
            <td className="py-1.5 pr-2">
              <Link href={`/errors/${e.id}`} className="font-mono text-blue-700 hover:underline dark:text-blue-400 print:text-black">
                {isLoggedMessage(e) ? <span className="font-sans">{e.message}</span> : e.type}
              </Link>
              {!isLoggedMessage(e) && <span className="block max-w-[45vw] truncate text-xs text-gray-500 sm:max-w-md dark:text-gray-400">{e.message}</span>}
            </td>
            <td className="pr-2"><SeverityBadge severity={e.severity} /></td>
            <td className="hidden pr-2 sm:table-cell"><StatusBadge status={e.status} /></td>
            <td className="pr-2 text-right tabular-nums">{formatCount(e.events)}</td>
            <td className="text-right tabular-nums">{formatCount(e.users)}</td>
          </tr>
        ))}
      </ReportTable>
      <div className="grid gap-6 md:grid-cols-2">
        <ReportTable title="Categories" head={["Category", "Events", "Issues"]} empty="No events in this window.">
          {report.categories.map((c) => (
            <tr key={c.category}>
              <td className="pr-2 py-1.5">{c.category}</td>
              <td className="pr-2 text-right tabular-nums">{formatCount(c.events)}</td>
              <td className="text-right tabular-nums">{formatCount(c.issues)}</td>
            </tr>
          ))}
        </ReportTable>
        <ReportTable title="Resolution times (first seen → resolved)" head={["Category", "Resolved", "Mean", "Median", "p90"]} empty="No issue was resolved in this window.">
          {report.resolutionTimes.overall.count > 0 &&
            [{ category: "All", ...report.resolutionTimes.overall }, ...report.resolutionTimes.byCategory].map((r) => (
              <tr key={r.category}>
                <td className="pr-2 py-1.5">{r.category}</td>
                <td className="pr-2 text-right tabular-nums">{formatCount(r.count)}</td>
                <td className="pr-2 text-right">{duration(r.meanSeconds)}</td>
                <td className="pr-2 text-right">{duration(r.medianSeconds)}</td>
                <td className="text-right">{duration(r.p90Seconds)}</td>
              </tr>
            ))}
        </ReportTable>
      </div>
    </div>
  );
}

/**
 * A titled table: the first column and those named in `leftAligned` (badges) read left-aligned,
 * numbers right; the columns named in `wideOnly` are left out on narrow screens (their cells carry
 * `hidden sm:table-cell` too), and what is still too wide scrolls inside the card, not the page.
 */
function ReportTable({
  title,
  head,
  leftAligned = [],
  wideOnly = [],
  empty,
  children,
}: {
  title: string;
  head: string[];
  leftAligned?: string[];
  wideOnly?: string[];
  empty: string;
  children: React.ReactNode;
}) {
  const rows = Array.isArray(children) ? children.filter(Boolean) : children ? [children] : [];
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800 print:break-inside-avoid print:shadow-none">
      <h2 className="mb-2 text-base font-semibold text-gray-900 dark:text-gray-100">{title}</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-gray-500 dark:text-gray-400">{empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-gray-500 dark:text-gray-400">
              <tr>
                {head.map((h, i) => (
                  <th
                    key={h}
                    className={`pb-1 font-medium ${i === 0 || leftAligned.includes(h) ? "" : "text-right"} ${i < head.length - 1 ? "pr-2" : ""} ${wideOnly.includes(h) ? "hidden sm:table-cell" : ""}`}
                  >
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 dark:divide-gray-800">{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
