"use client";

import { useState, type KeyboardEvent } from "react";
import { format } from "date-fns";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState, Spinner } from "@/components/ui/Spinner";
import { ErrorListFilters } from "@/components/errors/ErrorListFilters";
import { ErrorListRow } from "@/components/errors/ErrorListRow";
import { Pagination } from "@/components/errors/Pagination";
import { MergeIssuesDialog } from "@/components/grouping/MergeIssuesDialog";
import { button } from "@/components/ui/buttonStyles";
import type { ErrorsPage } from "@/lib/client/hooks/useErrorsQuery";
import type { DashboardParams, ParamPatch } from "@/lib/client/useDashboardParams";

interface ErrorListProps {
  params: DashboardParams;
  categories: string[];
  data: ErrorsPage | undefined;
  isLoading: boolean;
  isFetching: boolean;
  error: Error | null;
  onRetry: () => void;
  onChange: (patch: ParamPatch) => void;
  onSelect: (errorId: string) => void;
  /** Members and admins: rows get checkboxes and the selection can be merged into one issue. */
  canMerge?: boolean;
}

const optionId = (errorId: string) => `error-option-${errorId}`;

/** The filterable, paged error list: a listbox navigable with arrow keys, Enter opens an error. */
export function ErrorList({ params, categories, data, isLoading, isFetching, error, onRetry, onChange, onSelect, canMerge = false }: ErrorListProps) {
  const items = data?.items ?? [];
  const [checked, setChecked] = useState<string[]>([]);
  const [merging, setMerging] = useState(false);
  const checkedItems = items.filter((i) => checked.includes(i.errorId));
  const toggleChecked = (id: string) => setChecked((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const selectedIndex = items.findIndex((e) => e.errorId === params.selectedErrorId);
  const [active, setActive] = useState<number | null>(null);
  const activeIndex = active !== null && active < items.length ? active : Math.max(0, selectedIndex);
  const [hasFocus, setHasFocus] = useState(false);

  function move(to: number) {
    const next = Math.min(items.length - 1, Math.max(0, to));
    setActive(next);
    document.getElementById(optionId(items[next].errorId))?.scrollIntoView({ block: "nearest" });
  }

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    if (items.length === 0) return;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
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

  const hasFilters = params.statuses.length > 0 || params.category || params.q || params.assigned || params.severity !== "all" || params.window;

  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          Errors {data && <span className="text-sm font-normal text-gray-500 dark:text-gray-400">({data.total})</span>}
          {isFetching && !isLoading && <Spinner className="h-4 w-4" />}
        </span>
      }
      titleId="error-list-title"
      bodyClassName=""
    >
      <ErrorListFilters params={params} categories={categories} onChange={onChange} />
      {canMerge && checkedItems.length > 0 && (
        <div data-testid="bulk-actions" className="flex flex-wrap items-center gap-2 border-b border-gray-200 bg-blue-50 px-4 py-2 text-sm text-blue-900 sm:px-6 dark:border-gray-800 dark:bg-blue-950/40 dark:text-blue-200">
          <span>{checkedItems.length} selected</span>
          <button type="button" className={button.primary} disabled={checkedItems.length < 2} onClick={() => setMerging(true)}>
            Merge selected
          </button>
          <button type="button" className={button.ghost} onClick={() => setChecked([])}>
            Clear
          </button>
        </div>
      )}
      <MergeIssuesDialog
        issues={merging ? checkedItems : []}
        onClose={() => setMerging(false)}
        onMerged={(targetId) => {
          setChecked([]);
          onSelect(targetId);
        }}
      />
      {params.window && (
        <div className="flex flex-wrap items-center gap-2 border-b border-gray-200 bg-orange-50 px-4 py-2 text-sm text-orange-900 sm:px-6 dark:border-gray-800 dark:bg-orange-950/40 dark:text-orange-200">
          <span data-testid="window-filter">
            Spike window {format(new Date(params.window.from), "MMM d HH:mm")}–{format(new Date(params.window.to), "HH:mm")}
          </span>
          <button type="button" onClick={() => onChange({ from: null, to: null, page: null })} className="font-medium underline">
            Clear
          </button>
        </div>
      )}
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
              isChecked={checked.includes(item.errorId)}
              onToggleCheck={canMerge ? () => toggleChecked(item.errorId) : undefined}
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
