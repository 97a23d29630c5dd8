"use client";

import { useCallback } from "react";
import { SavedSearches } from "@/components/errors/search/SavedSearches";
import { SearchBar } from "@/components/errors/search/SearchBar";
import { button, input } from "@/components/ui/buttonStyles";
import { toSearch, type ErrorsFilters } from "@/lib/client/hooks/useErrorsQuery";
import type { DashboardParams, UpdateParams, UpdateOptions } from "@/lib/client/useDashboardParams";
import { ERROR_SORTS, type ErrorSort } from "@/lib/domain/errorSort";
import type { AssignedFilter } from "@/lib/domain/assignedFilter";
import { assignedFilterOf, isValues, positiveValues, setAssigned, setValues, toggleIsValue } from "@/lib/search/editSearch";
import type { IsValue } from "@/lib/search/searchVocabulary";

/**
 * The sorts are by the issue's own columns: events and users are all-time totals over every
 * environment, not the row's count for the timeframe and filters (sorting a page by that would mean
 * counting the rollups of every matching issue) — the labels say so.
 */
const SORT_LABELS: Record<ErrorSort, string> = {
  lastSeen: "Last seen",
  firstSeen: "First seen",
  occurrences: "Total events (all time)",
  users: "Users affected (all time)",
  severity: "Severity",
};

const STATUS_CHIPS: IsValue[] = ["unresolved", "new", "acknowledged", "investigating", "resolved", "ignored"];

interface ErrorListFiltersProps {
  workspaceId: string;
  params: DashboardParams;
  categories: string[];
  assignees: string[];
  canExport: boolean;
  /** The list's current filters, for the export links. */
  exportFilters: ErrorsFilters;
  onChange: UpdateParams;
}

/** The search box (syntax with suggestions), saved searches, status chips, assignment and category as search terms, sort, export. */
export function ErrorListFilters({ workspaceId, params, categories, assignees, canExport, exportFilters, onChange }: ErrorListFiltersProps) {
  const { query } = params;
  const commit = useCallback((next: string, options?: UpdateOptions) => onChange({ query: next || null, page: null }, options), [onChange]);
  const statuses = isValues(query);
  const category = positiveValues(query, "category")[0] ?? "";
  // The picker writes `assigned:` into the search; an `?assigned=` link (before the search syntax) still shows.
  const assigned = assignedFilterOf(query) ?? params.assigned;
  const exportSearch = toSearch({ ...exportFilters, page: undefined, pageSize: undefined, sort: undefined, order: undefined, statsPeriod: undefined }).toString();

  return (
    <div className="space-y-2 border-b border-gray-200 px-3 py-3 sm:px-4 dark:border-gray-800">
      <div className="flex flex-wrap items-start gap-2">
        <SearchBar workspaceId={workspaceId} value={query} assignees={assignees} onCommit={commit} />
        <SavedSearches workspaceId={workspaceId} query={query} onApply={commit} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Status" className="flex flex-wrap gap-1">
          {STATUS_CHIPS.map((status) => {
            const on = statuses.includes(status);
            return (
              <button
                key={status}
                type="button"
                aria-pressed={on}
                onClick={() => commit(toggleIsValue(query, status))}
                className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${
                  on ? "bg-blue-600 text-white ring-blue-600" : "bg-white text-gray-600 ring-gray-300 hover:bg-gray-50 dark:bg-gray-800 dark:text-gray-300 dark:ring-gray-700"
                }`}
              >
                {status}
              </button>
            );
          })}
        </div>
        <select
          aria-label="Assigned"
          value={assigned ?? ""}
          onChange={(e) => onChange({ query: setAssigned(query, (e.target.value || null) as AssignedFilter | null) || null, assigned: null, page: null })}
          className={`${input} py-1`}
        >
          <option value="">Anyone</option>
          <option value="me">Assigned to me</option>
          <option value="my_teams">My teams</option>
          <option value="none">Unassigned</option>
        </select>
        <select aria-label="Category" value={category} onChange={(e) => commit(setValues(query, "category", e.target.value ? [e.target.value] : []))} className={`${input} py-1`}>
          <option value="">All categories</option>
          {[...new Set([...categories, ...(category ? [category] : [])])].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <div className="flex gap-1">
          <select aria-label="Sort by" value={params.sort} onChange={(e) => onChange({ sort: e.target.value, page: null })} className={`${input} py-1`}>
            {ERROR_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => onChange({ order: params.order === "desc" ? "asc" : null, page: null })}
            aria-label={params.order === "desc" ? "Sorted descending; sort ascending" : "Sorted ascending; sort descending"}
            className="rounded-md px-2 text-sm text-gray-600 ring-1 ring-gray-300 hover:bg-gray-50 dark:text-gray-300 dark:ring-gray-700 dark:hover:bg-gray-800"
          >
            {params.order === "desc" ? "↓" : "↑"}
          </button>
        </div>
        {canExport && (
          <div className="ml-auto flex gap-1" aria-label="Export the list">
            <a className={`${button.ghost} py-1 text-xs`} href={`/api/v1/errors/export?format=csv&${exportSearch}`} download data-testid="export-issues-csv">
              Export CSV
            </a>
            <a className={`${button.ghost} py-1 text-xs`} href={`/api/v1/errors/export?format=json&${exportSearch}`} download>
              JSON
            </a>
          </div>
        )}
      </div>
    </div>
  );
}
