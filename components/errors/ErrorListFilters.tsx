"use client";

import { useEffect, useState } from "react";
import { input } from "@/components/ui/buttonStyles";
import type { DashboardParams, ParamPatch } from "@/lib/client/useDashboardParams";
import { ERROR_SORTS, type ErrorSort } from "@/lib/domain/errorSort";
import { ERROR_STATUSES, type ErrorStatus } from "@/lib/domain/errorStatus";

const SORT_LABELS: Record<ErrorSort, string> = {
  lastSeen: "Last seen",
  firstSeen: "First seen",
  occurrences: "Events",
  users: "Users affected",
  severity: "Severity",
};

interface ErrorListFiltersProps {
  params: DashboardParams;
  categories: string[];
  onChange: (patch: ParamPatch) => void;
}

/** Status chips, category, text search (debounced into the URL), sort and direction. */
export function ErrorListFilters({ params, categories, onChange }: ErrorListFiltersProps) {
  const { q } = params;
  const [text, setText] = useState(q);
  // When the URL changes from elsewhere (back button, clear), the box follows it.
  const [syncedQ, setSyncedQ] = useState(q);
  if (q !== syncedQ) {
    setSyncedQ(q);
    setText(q);
  }

  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => onChange({ q: text.trim() || null, page: null }), 300);
    return () => clearTimeout(timer);
  }, [text, q, onChange]);

  function toggleStatus(status: ErrorStatus) {
    const set = new Set(params.statuses);
    if (set.has(status)) set.delete(status);
    else set.add(status);
    onChange({ status: [...set].join(",") || null, page: null });
  }

  return (
    <div className="space-y-3 border-b border-gray-200 px-4 py-3 sm:px-6 dark:border-gray-800">
      <div className="flex flex-wrap gap-2">
        <input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Search type or message"
          aria-label="Search errors"
          className={`${input} min-w-0 flex-1 basis-48`}
        />
        <select aria-label="Assigned" value={params.assigned ?? ""} onChange={(e) => onChange({ assigned: e.target.value || null, page: null })} className={input}>
          <option value="">Anyone</option>
          <option value="me">Assigned to me</option>
          <option value="my_teams">My teams</option>
          <option value="none">Unassigned</option>
        </select>
        <select aria-label="Category" value={params.category ?? ""} onChange={(e) => onChange({ cat: e.target.value || null, page: null })} className={input}>
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <div className="flex gap-1">
          <select aria-label="Sort by" value={params.sort} onChange={(e) => onChange({ sort: e.target.value, page: null })} className={input}>
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
      </div>
      <div role="group" aria-label="Status" className="flex flex-wrap gap-1.5">
        {ERROR_STATUSES.map((status) => {
          const on = params.statuses.includes(status);
          return (
            <button
              key={status}
              type="button"
              aria-pressed={on}
              onClick={() => toggleStatus(status)}
              className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${
                on ? "bg-blue-600 text-white ring-blue-600" : "bg-white text-gray-600 ring-gray-300 hover:bg-gray-50 dark:bg-gray-800 dark:text-gray-300 dark:ring-gray-700"
              }`}
            >
              {status}
            </button>
          );
        })}
      </div>
    </div>
  );
}
