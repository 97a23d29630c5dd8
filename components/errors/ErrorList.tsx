"use client";

import { useState, type KeyboardEvent } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { BulkActionBar, type BulkChoice } from "@/components/errors/BulkActionBar";
import { ErrorListFilters } from "@/components/errors/ErrorListFilters";
import { ErrorListRow } from "@/components/errors/ErrorListRow";
import { Pagination } from "@/components/errors/Pagination";
import { MergeIssuesDialog } from "@/components/grouping/MergeIssuesDialog";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState, Spinner } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { bulkRequest, selectionOf } from "@/lib/client/bulkRequest";
import { countOf, formatCount } from "@/lib/client/format";
import type { ErrorsFilters, ErrorsPage } from "@/lib/client/hooks/useErrorsQuery";
import { TIMEFRAME_LABELS } from "@/lib/client/timeframes";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { dateTime } from "@/lib/client/zonedTime";
import type { DashboardParams, ParamPatch } from "@/lib/client/useDashboardParams";
import type { BulkProgress } from "@/lib/errors/bulk/bulkSchemas";
import type { Member } from "@/lib/workspaces/listMembers";
import { errorMessage } from "@/lib/text/errorMessage";

interface ErrorListProps {
  workspaceId: string;
  params: DashboardParams;
  /** The filters the page was requested with: "select all matching" and the export reuse them. */
  filters: ErrorsFilters;
  categories: string[];
  members: Member[];
  /** The workspace's teams: bulk assignment, and suggested as `assigned:#<team>`. */
  teams?: { id: string; name: string }[];
  currentUserId: string;
  canTriage: boolean;
  /** Each row names its project by this map (a workspace of several projects, not narrowed to one). */
  projectNames?: Map<string, string>;
  data: ErrorsPage | undefined;
  isLoading: boolean;
  isFetching: boolean;
  error: Error | null;
  onRetry: () => void;
  onChange: (patch: ParamPatch) => void;
  onSelect: (errorId: string) => void;
}

const optionId = (errorId: string) => `error-option-${errorId}`;

const DONE: Record<BulkChoice["action"], string> = { resolve: "Resolved", ignore: "Ignored", reopen: "Reopened", assign: "Reassigned" };

/**
 * The filterable, paged error list: a listbox navigable with arrow keys or j/k (Enter opens an error,
 * x checks it), with checkboxes for bulk changes (shift-click or shift-x selects a range, the header
 * selects the page, then "all matching" selects every issue the search finds).
 */
export function ErrorList(props: ErrorListProps) {
  const { workspaceId, params, filters, data, isLoading, isFetching, error, onRetry, onChange, onSelect, canTriage } = props;
  const qc = useQueryClient();
  const zone = useTimeZone();
  const { showToast } = useToast();
  const items = data?.items ?? [];
  const selectedIndex = items.findIndex((e) => e.errorId === params.selectedErrorId);
  const [active, setActive] = useState<number | null>(null);
  const activeIndex = active !== null && active < items.length ? active : Math.max(0, selectedIndex);
  const [hasFocus, setHasFocus] = useState(false);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [allMatching, setAllMatching] = useState(false);
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [merging, setMerging] = useState(false);
  // A new page or search starts a new selection.
  const selectionKey = JSON.stringify(filters);
  const [lastKey, setLastKey] = useState(selectionKey);
  if (lastKey !== selectionKey) {
    setLastKey(selectionKey);
    setChecked(new Set());
    setAllMatching(false);
    setAnchor(null);
  }

  function move(to: number) {
    const next = Math.min(items.length - 1, Math.max(0, to));
    setActive(next);
    document.getElementById(optionId(items[next].errorId))?.scrollIntoView({ block: "nearest" });
  }

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    if (items.length === 0 || (e.target as HTMLElement).tagName === "INPUT") return;
    if (e.metaKey || e.ctrlKey || e.altKey) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      j: () => move(activeIndex + 1),
      k: () => move(activeIndex - 1),
      ...(canTriage && { x: () => check(activeIndex, e.shiftKey), X: () => check(activeIndex, true) }),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Enter: () => onSelect(items[activeIndex].errorId),
      " ": () => onSelect(items[activeIndex].errorId),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  function check(index: number, withShift: boolean) {
    setAllMatching(false);
    const next = new Set(checked);
    const id = items[index].errorId;
    const on = !next.has(id);
    const [from, to] = withShift && anchor !== null ? [Math.min(anchor, index), Math.max(anchor, index)] : [index, index];
    for (let i = from; i <= to; i++) {
      if (on) next.add(items[i].errorId);
      else next.delete(items[i].errorId);
    }
    setChecked(next);
    setAnchor(index);
  }

  const pageIds = items.map((e) => e.errorId);
  const isPageChecked = pageIds.length > 0 && pageIds.every((id) => checked.has(id));
  const selectedCount = allMatching ? (data?.total ?? 0) : checked.size;
  const checkedItems = items.filter((e) => checked.has(e.errorId));
  const canMergeSelection = !allMatching && checkedItems.length >= 2;

  async function runBulk(choice: BulkChoice) {
    const total = selectedCount;
    setProgress({ done: 0, total });
    try {
      const target = allMatching ? selectionOf(filters, workspaceId) : { ids: [...checked] };
      const result = await bulkRequest({ ...target, ...choice }, setProgress);
      showToast(`${DONE[choice.action]} ${formatCount(result.changed)} of ${countOf(result.matched, "issue")}`, "success");
      setChecked(new Set());
      setAllMatching(false);
    } catch (e) {
      showToast(`Bulk change failed: ${errorMessage(e)}`);
    } finally {
      setProgress(null);
      void qc.invalidateQueries({ queryKey: ["errors"] });
      void qc.invalidateQueries({ queryKey: ["error"] });
      void qc.invalidateQueries({ queryKey: ["errorTracking"] });
    }
  }

  const hasFilters = params.query || params.statuses.length > 0 || params.category || params.q || params.assigned || params.severity !== "all" || params.window;
  const periodLabel = TIMEFRAME_LABELS[params.timeframe].toLowerCase().replace(/^last /, "last ");

  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          {canTriage && items.length > 0 && (
            <input
              type="checkbox"
              aria-label="Select all issues on this page"
              checked={isPageChecked || allMatching}
              onChange={() => {
                setAllMatching(false);
                setChecked(isPageChecked ? new Set() : new Set(pageIds));
              }}
              className="h-4 w-4 rounded border-gray-300"
              data-testid="select-page"
            />
          )}
          Errors {data && <span className="text-sm font-normal text-gray-500 dark:text-gray-400">({formatCount(data.total)})</span>}
          {isFetching && !isLoading && <Spinner className="h-4 w-4" />}
        </span>
      }
      titleId="error-list-title"
      actions={
        data && (
          <span className="text-xs text-gray-500 dark:text-gray-400" data-testid="list-periods">
            Events and sparklines: {TIMEFRAME_LABELS[params.timeframe].toLowerCase()}
            {params.timeframe === "30d" && ", UTC days"} · users: all time
          </span>
        )
      }
      bodyClassName=""
    >
      <ErrorListFilters
        workspaceId={workspaceId}
        params={params}
        categories={props.categories}
        assignees={[...props.members.map((m) => m.email), ...(props.teams ?? []).map((t) => `#${t.name}`)]}
        canExport={canTriage}
        exportFilters={filters}
        onChange={onChange}
      />
      {params.window && (
        <div className="flex flex-wrap items-center gap-2 border-b border-gray-200 bg-orange-50 px-4 py-2 text-sm text-orange-900 sm:px-6 dark:border-gray-800 dark:bg-orange-950/40 dark:text-orange-200">
          <span data-testid="window-filter">
            Spike window {dateTime(params.window.from, zone)} – {dateTime(params.window.to, zone)}
          </span>
          <button type="button" onClick={() => onChange({ from: null, to: null, page: null })} className="font-medium underline">
            Clear
          </button>
        </div>
      )}
      {(checked.size > 0 || allMatching) && canTriage && (
        <>
          <BulkActionBar count={selectedCount} members={props.members} teams={props.teams ?? []} currentUserId={props.currentUserId} progress={progress} onAction={(c) => void runBulk(c)} onMerge={canMergeSelection ? () => setMerging(true) : undefined} onClear={() => (setChecked(new Set()), setAllMatching(false))} />
          {isPageChecked && data && data.total > items.length && (
            <div className="border-b border-gray-200 bg-gray-50 px-4 py-1.5 text-center text-xs text-gray-700 dark:border-gray-800 dark:bg-gray-950 dark:text-gray-300">
              {allMatching ? (
                <>
                  All {countOf(data.total, "issue")} matching this search {data.total === 1 ? "is" : "are"} selected.{" "}
                  <button type="button" className="font-medium text-blue-700 underline dark:text-blue-400" onClick={() => setAllMatching(false)}>
                    Only this page
                  </button>
                </>
              ) : (
                <>
                  The {countOf(items.length, "issue")} on this page {items.length === 1 ? "is" : "are"} selected.{" "}
                  <button type="button" className="font-medium text-blue-700 underline dark:text-blue-400" onClick={() => setAllMatching(true)} data-testid="select-all-matching">
                    Select all {formatCount(data.total)} matching
                  </button>
                </>
              )}
            </div>
          )}
        </>
      )}
      <MergeIssuesDialog
        issues={merging ? checkedItems : []}
        onClose={() => setMerging(false)}
        onMerged={(targetId) => {
          setMerging(false);
          setChecked(new Set());
          onSelect(targetId);
        }}
      />
      {isLoading ? (
        <LoadingState label="Loading errors…" />
      ) : error && !data ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : items.length === 0 ? (
        <EmptyState title={hasFilters ? "No errors match these filters" : "No errors in this timeframe"}>
          {hasFilters ? "Clear a filter or widen the timeframe." : "Nothing went wrong lately."}
        </EmptyState>
      ) : (
        <ul
          role="listbox"
          tabIndex={0}
          aria-labelledby="error-list-title"
          aria-activedescendant={items[activeIndex] ? optionId(items[activeIndex].errorId) : undefined}
          onKeyDown={onKeyDown}
          aria-keyshortcuts="ArrowDown ArrowUp J K Home End Enter X"
          onFocus={() => setHasFocus(true)}
          onBlur={() => setHasFocus(false)}
          className="divide-y divide-gray-200 focus:outline-none dark:divide-gray-800"
        >
          {items.map((item, i) => (
            <ErrorListRow
              key={item.errorId}
              id={optionId(item.errorId)}
              error={item}
              isSelected={item.errorId === params.selectedErrorId}
              isActive={hasFocus && i === activeIndex}
              isChecked={allMatching || checked.has(item.errorId)}
              canSelect={canTriage}
              periodLabel={periodLabel}
              projectName={props.projectNames?.get(item.projectId)}
              onCheck={(e) => check(i, e.shiftKey)}
              onSelect={() => {
                setActive(i);
                onSelect(item.errorId);
              }}
            />
          ))}
        </ul>
      )}
      {data && data.total > data.pageSize && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => onChange({ page: p > 1 ? String(p) : null })} />}
    </Card>
  );
}
