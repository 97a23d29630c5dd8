"use client";

import Link from "next/link";
import { formatDistanceToNow } from "date-fns";
import { SeverityBadge, StatusBadge } from "@/components/ui/Badge";
import { ErrorState } from "@/components/ui/ErrorState";
import { Section } from "@/components/ui/Section";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { countOf } from "@/lib/client/format";
import { useInvestigationQuery, useSetCheckMutation } from "@/lib/client/hooks/useInvestigationQuery";
import type { Investigation } from "@/lib/investigation/getInvestigation";
import { isLoggedMessage } from "@/lib/domain/issueTitle";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { dateTimeWithYear } from "@/lib/client/zonedTime";

const PATTERN_RULES: Record<string, string> = {
  isolated: "a single event",
  burst: "all events within one hour",
  recurring: "more than 10 events spread over more than an hour",
  intermittent: "2–10 events spread over more than an hour",
};

/** Seed 004's investigation: pattern, runbook checklist, similar issues, issues in the same runs and traces. */
export function InvestigationPanel({ errorId, canCheck }: { errorId: string; canCheck: boolean }) {
  const { showToast } = useToast();
  const zone = useTimeZone();
  const query = useInvestigationQuery(errorId);
  const setCheck = useSetCheckMutation(errorId, (m) => showToast(`Not saved: ${m}`));
  if (query.isLoading) return <LoadingState label="Investigating…" />;
  if (query.error && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (!data) return null;
  const sections = [...new Set(data.recommendations.map((r) => r.section))];
  const done = data.recommendations.filter((r) => r.checked).length;

  return (
    <div className="space-y-4" data-testid="investigation">
      <Section id="pattern-title" title="Pattern">
        <p className="text-sm" data-testid="pattern">
          <span className="rounded bg-gray-900 px-2 py-0.5 font-mono text-xs uppercase text-white dark:bg-gray-100 dark:text-gray-900">{data.pattern.kind}</span>{" "}
          <span className="text-gray-700 dark:text-gray-300">
            {countOf(data.pattern.count, "event")} {data.pattern.window === "7d" ? "in the last 7 days" : "in all"}, {dateTimeWithYear(data.pattern.firstAt, zone)} → {dateTimeWithYear(data.pattern.lastAt, zone)}
          </span>
        </p>
        <p className="mt-1 text-xs text-gray-500 dark:text-gray-400">Rule: {data.pattern.kind} = {PATTERN_RULES[data.pattern.kind]} (docs/metrics.md).</p>
      </Section>
      <Section id="checklist-title" title={`Runbook checklist (${done}/${data.recommendations.length})`}>
        <div className="space-y-3" data-testid="checklist">
          {sections.map((section) => (
            <fieldset key={section}>
              <legend className="mb-1 text-xs font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">{section}</legend>
              <ul className="space-y-1">
                {data.recommendations
                  .filter((r) => r.section === section)
                  .map((r) => (
                    <li key={r.key}>
                      <label className="flex items-start gap-2 text-sm text-gray-800 dark:text-gray-200">
                        <input type="checkbox" className="mt-0.5 h-4 w-4 rounded border-gray-300" checked={r.checked} disabled={!canCheck} onChange={(e) => setCheck.mutate({ key: r.key, checked: e.target.checked })} />
                        <span className={r.checked ? "text-gray-500 line-through dark:text-gray-500" : ""}>{r.text}</span>
                        {r.checked && r.checkedBy && <span className="ml-auto shrink-0 text-xs text-gray-500 dark:text-gray-400">{r.checkedBy.name || r.checkedBy.email}</span>}
                      </label>
                    </li>
                  ))}
              </ul>
            </fieldset>
          ))}
        </div>
      </Section>
      <div className="grid gap-4 xl:grid-cols-3">
        <Related id="similar-title" title="Similar issues" empty="No other issue of this type." rows={data.similar.map((s) => ({ groupId: s.id, type: s.type, message: s.message, status: s.status, severity: s.severity, note: `${countOf(s.occurrenceCount, "event")} · ${formatDistanceToNow(new Date(s.lastSeen), { addSuffix: true })}` }))} />
        <Related id="same-run-title" title="In the same runs" empty="No other issue in the runs of its latest events." rows={data.sameRun.map((r) => ({ ...r, note: `${r.shared} shared runs` }))} />
        <Related id="same-trace-title" title="In the same traces" empty="No other issue in the traces of its latest events." rows={data.sameTrace.map((r) => ({ ...r, note: `${r.shared} shared traces` }))} />
      </div>
    </div>
  );
}

interface RelatedRow {
  groupId: string;
  type: string;
  message: string;
  status: string;
  severity: string;
  note: string;
}

function Related({ id, title, empty, rows }: { id: string; title: string; empty: string; rows: RelatedRow[] }) {
  return (
    <Section id={id} title={title}>
      {rows.length === 0 ? (
        <p className="text-sm text-gray-500 dark:text-gray-400">{empty}</p>
      ) : (
        <ul className="space-y-2" data-testid={id.replace("-title", "")}>
          {rows.map((r) => (
            <li key={r.groupId} className="text-sm">
              <Link href={`/errors/${r.groupId}`} className="font-mono font-medium text-blue-700 hover:underline dark:text-blue-400">
                {isLoggedMessage(r) ? <span className="font-sans">{r.message}</span> : r.type}
              </Link>
              {!isLoggedMessage(r) && <p className="truncate text-gray-600 dark:text-gray-400">{r.message || "(no message)"}</p>}
              <p className="mt-0.5 flex flex-wrap items-center gap-1 text-xs text-gray-500 dark:text-gray-400">
                <SeverityBadge severity={r.severity} />
                <StatusBadge status={r.status} />
                {r.note}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export type { Investigation };
