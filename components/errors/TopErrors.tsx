"use client";

import { TabGroup, TabPanel, TabPanels } from "@headlessui/react";
import { formatDistanceToNow } from "date-fns";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/Card";
import { CardTabList } from "@/components/ui/CardTabList";
import { EmptyState } from "@/components/ui/EmptyState";
import type { ErrorTracking } from "@/lib/analytics/getErrorTracking";
import { countOf, formatMoney, formatNumber } from "@/lib/client/format";
import { issueTitle, issueTitleParts, type IssueTitleParts } from "@/lib/domain/issueTitle";

type Top = ErrorTracking["topErrors"];

interface Row {
  errorId: string;
  /** The issue's title in parts (for display) and as one line (the tooltip). */
  parts: IssueTitleParts;
  text: string;
  detail: ReactNode;
}

function titleOf(issue: { type: string; message: string }): Pick<Row, "parts" | "text"> {
  return { parts: issueTitleParts(issue), text: issueTitle(issue) };
}

/** Three rankings of the timeframe's errors; picking one opens it in the details panel. */
export function TopErrors({ topErrors, selectedErrorId, onSelect }: { topErrors: Top; selectedErrorId: string | null; onSelect: (id: string) => void }) {
  const tabs: { label: string; rows: Row[] }[] = [
    {
      label: "By occurrence",
      rows: topErrors.byOccurrence.map((e) => ({
        errorId: e.errorId,
        ...titleOf(e),
        detail: `${countOf(e.count, "event")} · ${formatDistanceToNow(new Date(e.lastSeen), { addSuffix: true })}`,
      })),
    },
    {
      label: "By impact",
      rows: topErrors.byImpact.map((e) => ({
        errorId: e.errorId,
        ...titleOf(e),
        // The group's all-time figures: no rollup counts a group's users per window (docs/metrics.md).
        detail: `all time: ${countOf(e.usersAffected, "user")} · ${formatMoney(e.creditsLost)} credits lost`,
      })),
    },
    {
      label: "Unresolved",
      rows: topErrors.unresolved.map((e) => ({
        errorId: e.errorId,
        ...titleOf(e),
        detail: `${formatNumber(e.age)} h old · priority ${formatNumber(e.priority)}`,
      })),
    },
  ];

  return (
    <Card title="Top errors" titleId="top-errors-title" bodyClassName="">
      <TabGroup>
        <CardTabList labels={tabs.map((t) => t.label)} />
        <TabPanels>
          {tabs.map((t) => (
            <TabPanel key={t.label} className="focus:outline-none">
              {t.rows.length === 0 ? (
                <EmptyState title="Nothing here" className="py-6" />
              ) : (
                <ol className="divide-y divide-gray-100 dark:divide-gray-800">
                  {t.rows.slice(0, 10).map((row, i) => (
                    <li key={row.errorId}>
                      <button
                        type="button"
                        onClick={() => onSelect(row.errorId)}
                        aria-current={row.errorId === selectedErrorId ? "true" : undefined}
                        className="flex w-full items-start gap-3 px-4 py-2 text-left sm:items-center hover:bg-gray-50 focus-visible:bg-gray-50 focus-visible:outline-none sm:px-6 dark:hover:bg-gray-800/60 dark:focus-visible:bg-gray-800/60"
                      >
                        <span className="w-5 pt-0.5 text-right text-xs tabular-nums text-gray-500 sm:pt-0 dark:text-gray-400">{i + 1}</span>
                        <span className="flex min-w-0 flex-1 flex-col sm:flex-row sm:items-center sm:gap-3">
                          <span className="min-w-0 flex-1 truncate text-sm" title={row.text}>
                            {row.parts.type !== null && <span className="font-mono text-gray-900 dark:text-gray-100">{row.parts.type}</span>}
                            {row.parts.message && (
                              <span className={row.parts.type === null ? "text-gray-900 dark:text-gray-100" : "text-gray-600 dark:text-gray-400"}>
                                {row.parts.type === null ? row.parts.message : ` ${row.parts.message}`}
                              </span>
                            )}
                          </span>
                          <span className="shrink-0 text-xs text-gray-500 dark:text-gray-400">{row.detail}</span>
                        </span>
                      </button>
                    </li>
                  ))}
                </ol>
              )}
            </TabPanel>
          ))}
        </TabPanels>
      </TabGroup>
    </Card>
  );
}
