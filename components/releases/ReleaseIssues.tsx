"use client";

import { TabGroup, TabPanel, TabPanels } from "@headlessui/react";
import { formatDistanceToNow } from "date-fns";
import Link from "next/link";
import { Card } from "@/components/ui/Card";
import { CardTabList } from "@/components/ui/CardTabList";
import { Badge, SeverityBadge, StatusBadge } from "@/components/ui/Badge";
import { EmptyState } from "@/components/ui/EmptyState";
import { formatCount } from "@/lib/client/format";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { exactTime } from "@/lib/client/zonedTime";
import { issueTitleParts } from "@/lib/domain/issueTitle";
import type { ReleaseIssue } from "@/lib/releases/getRelease";

/**
 * The issues a release introduced and every issue it carries, each with its events in this release
 * (not in all releases), linking to the issue page. `moreHref` opens the issue list searched for all
 * of them when the tables are cut short.
 */
export function ReleaseIssues({ introduced, top, counts, listHrefs }: { introduced: ReleaseIssue[]; top: ReleaseIssue[]; counts: { introduced: number; all: number }; listHrefs: { introduced: string; all: string } }) {
  const tabs = [
    { label: `New in this release (${formatCount(counts.introduced)})`, rows: introduced, total: counts.introduced, href: listHrefs.introduced, empty: "This release introduced no issue", markIntroduced: false },
    { label: `All issues (${formatCount(counts.all)})`, rows: top, total: counts.all, href: listHrefs.all, empty: "No error event carried this release", markIntroduced: true },
  ];
  return (
    <Card title="Issues" titleId="release-issues-title" bodyClassName="">
      <TabGroup>
        <CardTabList labels={tabs.map((t) => t.label)} />
        <TabPanels>
          {tabs.map((t) => (
            <TabPanel key={t.label} className="focus:outline-none">
              {t.rows.length === 0 ? (
                <EmptyState title={t.empty} className="py-6" />
              ) : (
                <>
                  <ul className="divide-y divide-gray-100 dark:divide-gray-800" data-testid="release-issue-list">
                    {t.rows.map((issue) => (
                      <IssueRow key={issue.id} issue={issue} markIntroduced={t.markIntroduced} />
                    ))}
                  </ul>
                  {t.total > t.rows.length && (
                    <p className="border-t border-gray-100 px-4 py-2 text-sm sm:px-6 dark:border-gray-800">
                      <Link href={t.href} className="text-blue-700 hover:underline dark:text-blue-400">
                        All {formatCount(t.total)} in the issue list
                      </Link>
                    </p>
                  )}
                </>
              )}
            </TabPanel>
          ))}
        </TabPanels>
      </TabGroup>
    </Card>
  );
}

/** `markIntroduced`: badge the issues this release introduced (in the table of all its issues). */
function IssueRow({ issue, markIntroduced }: { issue: ReleaseIssue; markIntroduced: boolean }) {
  const zone = useTimeZone();
  const parts = issueTitleParts(issue);
  return (
    <li className="flex flex-col gap-1 px-4 py-2 sm:flex-row sm:items-center sm:gap-3 sm:px-6" data-testid="release-issue">
      <Link href={`/errors/${issue.id}`} className="min-w-0 flex-1 truncate text-sm hover:underline" title={[parts.type, parts.message].filter(Boolean).join(": ")}>
        {parts.type !== null && <span className="font-mono text-gray-900 dark:text-gray-100">{parts.type}</span>}
        {parts.message && <span className={parts.type === null ? "text-gray-900 dark:text-gray-100" : "text-gray-600 dark:text-gray-400"}>{parts.type === null ? parts.message : ` ${parts.message}`}</span>}
      </Link>
      <span className="flex shrink-0 flex-wrap items-center gap-2 text-xs text-gray-500 dark:text-gray-400">
        {markIntroduced && issue.introduced && <Badge title="This is the issue's first release">new here</Badge>}
        <SeverityBadge severity={issue.severity} />
        <StatusBadge status={issue.status} />
        <span className="w-24 text-right tabular-nums" aria-label={`${issue.events} events in this release`}>
          {formatCount(issue.events)} ev.
        </span>
        <span className="w-36 whitespace-nowrap text-right" title={`Last event in this release: ${exactTime(issue.lastSeen, zone)}`}>
          {formatDistanceToNow(new Date(issue.lastSeen), { addSuffix: true })}
        </span>
      </span>
    </li>
  );
}
