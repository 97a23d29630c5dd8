"use client";

import { formatDistanceToNow } from "date-fns";
import { useEffect, useRef, useState } from "react";
import { button, input } from "@/components/ui/buttonStyles";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { EVENT_FILTER_FIELDS, eventFiltersKey, typedEventFilters } from "@/lib/client/eventsTabLinks";
import type { EventFiltersParams } from "@/lib/client/hooks/useIssueEventQuery";
import { useIssueEventsQuery } from "@/lib/client/hooks/useIssueEventsQuery";

interface EventsTabProps {
  errorId: string;
  /** The filters in the page's URL (typed here, or a tag value's link, a shared link): the events shown. */
  filters: EventFiltersParams;
  /** Puts typed filters into the page's URL (replacing its entry), a moment after the typing stops. */
  onFiltersChange: (filters: EventFiltersParams) => void;
  canExport: boolean;
  /** Opens one event in the Event tab, which keeps navigating among the events the page's filters match. */
  onOpen: (eventId: string) => void;
}

/** Every event of the issue, newest first, filterable by environment, release and user, paged by cursor. */
export function EventsTab({ errorId, filters, onFiltersChange, canExport, onOpen }: EventsTabProps) {
  // What the fields show: the URL's filters, then what is typed until it reaches the URL.
  const [draft, setDraft] = useState<EventFiltersParams>(filters);
  const urlKey = eventFiltersKey(filters);
  // The URL's filters last seen, and those this tab put there that the URL has not shown yet: a change
  // of the URL that is not this tab's own (a tag value's link, Back) replaces what the fields show;
  // this tab's own, arriving while more is being typed, does not.
  const [seenKey, setSeenKey] = useState(urlKey);
  const [sentKeys, setSentKeys] = useState<string[]>([]);
  if (urlKey !== seenKey) {
    setSeenKey(urlKey);
    const own = sentKeys.indexOf(urlKey);
    if (own >= 0) {
      setSentKeys(sentKeys.slice(own + 1));
    } else {
      setSentKeys([]);
      setDraft(filters);
    }
  }
  const latestOnChange = useRef(onFiltersChange);
  useEffect(() => {
    latestOnChange.current = onFiltersChange;
  });
  useEffect(() => {
    const typed = typedEventFilters(draft);
    const key = eventFiltersKey(typed);
    if (key === urlKey) return;
    const timer = setTimeout(() => {
      setSentKeys((sent) => [...sent, key]);
      latestOnChange.current(typed);
    }, 300);
    return () => clearTimeout(timer);
  }, [draft, urlKey]);
  const query = useIssueEventsQuery(errorId, filters);
  const events = query.data?.pages.flatMap((p) => p.items) ?? [];
  const exportQuery = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1]))).toString();

  return (
    <div className="rounded-lg bg-white shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800" data-testid="events-tab">
      <div className="flex flex-wrap items-end gap-2 border-b border-gray-200 px-4 py-3 dark:border-gray-800">
        {EVENT_FILTER_FIELDS.map(([key, label]) => (
          <label key={key} className="flex min-w-0 flex-1 basis-32 flex-col text-xs text-gray-500 dark:text-gray-400">
            {label}
            <input value={draft[key] ?? ""} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} className={`${input} mt-1`} aria-label={`Filter events by ${label.toLowerCase()}`} />
          </label>
        ))}
        {canExport && (
          <div className="flex gap-1">
            <a className={button.secondary} href={`/api/v1/errors/${errorId}/events/export?format=csv${exportQuery ? `&${exportQuery}` : ""}`} download data-testid="export-events-csv">
              CSV
            </a>
            <a className={button.secondary} href={`/api/v1/errors/${errorId}/events/export?format=json${exportQuery ? `&${exportQuery}` : ""}`} download>
              JSON
            </a>
          </div>
        )}
      </div>
      {query.isLoading ? (
        <LoadingState label="Loading events…" />
      ) : query.error && !query.data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : events.length === 0 ? (
        <EmptyState title="No events match these filters" />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-gray-500 dark:text-gray-400">
              <tr>
                <th className="px-4 py-2 font-medium">When</th>
                <th className="px-2 py-2 font-medium">Message</th>
                <th className="hidden px-2 py-2 font-medium sm:table-cell">Environment</th>
                <th className="hidden px-2 py-2 font-medium md:table-cell">Release</th>
                <th className="hidden px-2 py-2 font-medium md:table-cell">User</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
              {events.map((e) => (
                <tr key={e.id} className="cursor-pointer hover:bg-gray-50 dark:hover:bg-gray-800/60" data-testid="event-row" onClick={() => onOpen(e.eventId)}>
                  <td className="whitespace-nowrap px-4 py-2">
                    <button type="button" className="text-blue-700 hover:underline dark:text-blue-400" onClick={() => onOpen(e.eventId)} title={e.occurredAt}>
                      {formatDistanceToNow(new Date(e.occurredAt), { addSuffix: true })}
                    </button>
                  </td>
                  <td className="max-w-xs truncate px-2 py-2 text-gray-700 dark:text-gray-300">{e.message || "—"}</td>
                  <td className="hidden px-2 py-2 sm:table-cell">{e.environment ?? "—"}</td>
                  <td className="hidden px-2 py-2 font-mono text-xs md:table-cell">{e.release ?? "—"}</td>
                  <td className="hidden truncate px-2 py-2 font-mono text-xs md:table-cell">{e.userId ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {query.hasNextPage && (
        <div className="border-t border-gray-200 px-4 py-3 text-center dark:border-gray-800">
          <button type="button" className={button.secondary} disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {query.isFetchingNextPage ? "Loading…" : "Older events"}
          </button>
        </div>
      )}
    </div>
  );
}
