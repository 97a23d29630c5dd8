"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
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
import { issuePageHref } from "@/lib/client/eventsTabLinks";
import { countOf, formatCount } from "@/lib/client/format";
import { invalidateAlerts } from "@/lib/client/hooks/useAlertsQuery";
import type { ErrorsFilters, ErrorsPage } from "@/lib/client/hooks/useErrorsQuery";
import { TIMEFRAME_LABELS } from "@/lib/client/timeframes";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { dateTime } from "@/lib/client/zonedTime";
import type { DashboardParams, UpdateParams } from "@/lib/client/useDashboardParams";
import type { BulkProgress } from "@/lib/errors/bulk/bulkSchemas";
import type { Member } from "@/lib/workspaces/listMembers";
import { errorMessage } from "@/lib/text/errorMessage";
import { searchChoosesByDate } from "@/lib/search/datedSearch";

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
  onChange: UpdateParams;
  /**
   * A plain click on a row (or Enter / Space on it) selects the issue, for a details panel beside
   * the list (the dashboard's). Without it the row opens the issue's page (the Issues page's).
   */
  onSelect?: (errorId: string) => void;
  /** The card's heading: "Errors" on the dashboard, "Issues" on the Issues page. */
  title?: string;
  /** The same list on a page of its own (the dashboard's link to the Issues page). */
  fullListHref?: string;
}

const rowId = (errorId: string) => `error-row-${errorId}`;

const DONE: Record<BulkChoice["action"], string> = { resolve: "Resolved", ignore: "Ignored", reopen: "Reopened", assign: "Reassigned" };

/**
 * The filterable, paged issue list: a list of rows, each a checkbox and its title, a link to the
 * issue's page (a modified or middle click opens it in a new tab; a plain click selects the row when
 * the page has a details panel). One row at a time is in the Tab order; arrow keys or j/k move
 * between rows, Enter opens the row, x checks it. Checkboxes select for bulk changes (shift-click or
 * shift-x selects a range, the header selects the page, then "all matching" every issue the search finds).
 */
export function ErrorList(props: ErrorListProps) {
  const { workspaceId, params, filters, data, isLoading, isFetching, error, onRetry, onChange, onSelect, canTriage } = props;
  const qc = useQueryClient();
  const router = useRouter();
  const zone = useTimeZone();
  const { showToast } = useToast();
  const items = data?.items ?? [];
  const selectedIndex = items.findIndex((e) => e.errorId === params.selectedErrorId);
  // The active row by its issue, so a refetch that reorders the list (new events) keeps it.
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeAt = items.findIndex((e) => e.errorId === activeId);
  const activeIndex = activeAt !== -1 ? activeAt : Math.max(0, selectedIndex);
  const hrefOf = (errorId: string) => issuePageHref(errorId, params);
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

  /** Selects the row's issue into the details panel, or opens its page. */
  function open(index: number) {
    const id = items[index].errorId;
    setActiveId(id);
    if (onSelect) onSelect(id);
    else router.push(hrefOf(id));
  }

  /** Moves to another row, focusing the same control there (its checkbox or its link). */
  function move(to: number, from: HTMLElement) {
    const next = Math.min(items.length - 1, Math.max(0, to));
    const id = items[next].errorId;
    setActiveId(id);
    const part = isCheckbox(from) ? "check" : "link";
    const target = document.getElementById(`${rowId(id)}-${part}`) ?? document.getElementById(`${rowId(id)}-link`);
    target?.focus({ preventScroll: true });
    target?.closest("li")?.scrollIntoView({ block: "nearest" });
  }

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    if (items.length === 0 || e.metaKey || e.ctrlKey || e.altKey) return;
    const target = e.target as HTMLElement;
    const keys: Record<string, (() => void) | undefined> = {
      ArrowDown: () => move(activeIndex + 1, target),
      ArrowUp: () => move(activeIndex - 1, target),
      j: () => move(activeIndex + 1, target),
      k: () => move(activeIndex - 1, target),
      ...(canTriage && { x: () => check(activeIndex, e.shiftKey), X: () => check(activeIndex, true) }),
      Home: () => move(0, target),
      End: () => move(items.length - 1, target),
      // On the title link Enter is the link's own click (which a panel intercepts); on a checkbox Space is its own toggle.
      Enter: target.tagName === "A" ? undefined : () => open(activeIndex),
      " ": isCheckbox(target) ? undefined : () => open(activeIndex),
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
      // Resolved or ignored issues' open alerts were closed.
      void invalidateAlerts(qc);
    }
  }

  const hasFilters = params.query || params.statuses.length > 0 || params.category || params.q || params.assigned || params.severity !== "all" || params.window;
  // The search's lastSeen: / firstSeen: choose the issues (the server applies no window then: lib/errors/search/buildErrorWhere.ts).
  const datedSearch = searchChoosesByDate(params.query);
  const allTime = params.listTimeframe === "all";
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
          {/* The list's name: the heading less its checkbox's label. */}
          <span id="error-list-name">
            {props.title ?? "Errors"} {data && <span className="text-sm font-normal text-gray-500 dark:text-gray-400">({formatCount(data.total)})</span>}
          </span>
          {isFetching && !isLoading && <Spinner className="h-4 w-4" />}
        </span>
      }
      titleId="error-list-title"
      actions={
        (data || props.fullListHref) && (
          <span className="flex flex-wrap items-center gap-x-4 gap-y-1">
            {data && (
              <span className="text-xs text-gray-500 dark:text-gray-400" data-testid="list-periods">
                Events and sparklines: {TIMEFRAME_LABELS[params.timeframe].toLowerCase()}
                {params.timeframe === "30d" && ", UTC days"} · users: all time
              </span>
            )}
            {props.fullListHref && (
              <Link href={props.fullListHref} className="whitespace-nowrap text-sm font-medium text-blue-700 hover:underline dark:text-blue-400" data-testid="full-list-link">
                Open in Issues →
              </Link>
            )}
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
      {datedSearch && (!allTime || params.window) && (
        <p className="border-b border-gray-200 bg-blue-50 px-4 py-2 text-sm text-blue-900 sm:px-6 dark:border-gray-800 dark:bg-blue-950/40 dark:text-blue-200" data-testid="dated-search-note">
          The search&apos;s <code>lastSeen:</code> / <code>firstSeen:</code> choose the issues, of any age: the list is not also cut to{" "}
          {params.window ? "the spike window" : TIMEFRAME_LABELS[params.listTimeframe].toLowerCase()} (events and sparklines still count {TIMEFRAME_LABELS[params.timeframe].toLowerCase()}).
        </p>
      )}
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
          onSelect?.(targetId);
        }}
      />
      {isLoading ? (
        <LoadingState label="Loading errors…" />
      ) : error && !data ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : items.length === 0 ? (
        <EmptyState title={hasFilters ? "No errors match these filters" : allTime ? "No errors yet" : "No errors in this timeframe"}>
          {!hasFilters ? "Nothing went wrong lately." : datedSearch ? "Clear a filter or change the search's dates." : allTime ? "Clear a filter." : "Clear a filter or widen the timeframe (All: every issue, however old)."}
        </EmptyState>
      ) : (
        <ul
          aria-labelledby="error-list-name"
          onKeyDown={onKeyDown}
          aria-keyshortcuts="ArrowDown ArrowUp J K Home End Enter X"
          onFocus={() => setHasFocus(true)}
          onBlur={() => setHasFocus(false)}
          className="divide-y divide-gray-200 dark:divide-gray-800"
          data-testid="error-list"
        >
          {items.map((item, i) => (
            <ErrorListRow
              key={item.errorId}
              id={rowId(item.errorId)}
              error={item}
              href={hrefOf(item.errorId)}
              isSelected={item.errorId === params.selectedErrorId}
              isActive={hasFocus && i === activeIndex}
              isTabStop={i === activeIndex}
              isChecked={allMatching || checked.has(item.errorId)}
              canSelect={canTriage}
              periodLabel={periodLabel}
              projectName={props.projectNames?.get(item.projectId)}
              onCheck={(e) => check(i, e.shiftKey)}
              onFocus={() => setActiveId(item.errorId)}
              onSelect={onSelect && (() => open(i))}
              onOpen={() => open(i)}
            />
          ))}
        </ul>
      )}
      {data && data.total > data.pageSize && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => onChange({ page: p > 1 ? String(p) : null })} />}
    </Card>
  );
}

const isCheckbox = (el: HTMLElement) => el instanceof HTMLInputElement && el.type === "checkbox";
