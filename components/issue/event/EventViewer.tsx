"use client";

import { formatDistanceToNow } from "date-fns";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { AttachmentsSection } from "@/components/issue/event/AttachmentList";
import { BreadcrumbsSection } from "@/components/issue/event/BreadcrumbsSection";
import { ContextsSection, EventFactsSection, ExtraSection, LogSection, RelatedEventsSection, TagsSection, UserSection } from "@/components/issue/event/ContextSections";
import type { EventFrame } from "@/components/issue/event/eventTypes";
import { ExceptionSection } from "@/components/issue/event/ExceptionSection";
import { LinkSourceDialog } from "@/components/issue/event/LinkSourceDialog";
import { RequestSection } from "@/components/issue/event/RequestSection";
import { ModulesSection } from "@/components/issue/event/ModulesSection";
import { ThreadsSection } from "@/components/issue/event/ThreadsSection";
import { SuspectCommitsSection, type SuspectAssign } from "@/components/issue/event/SuspectCommitsSection";
import { button } from "@/components/ui/buttonStyles";
import { useShortcuts } from "@/components/ui/useShortcuts";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState, Spinner } from "@/components/ui/Spinner";
import { ApiRequestError } from "@/lib/client/apiFetch";
import { EVENT_FILTER_FIELDS } from "@/lib/client/eventsTabLinks";
import { useIssueEventQuery, type EventFiltersParams } from "@/lib/client/hooks/useIssueEventQuery";
import { languageOfPlatform } from "@/lib/ingest/stacktrace/platformLanguage";

interface EventViewerProps {
  errorId: string;
  workspaceId: string;
  /** Set for admins: frames without a source link offer to set up a code mapping in this project. */
  mappableProjectId?: string;
  /** Set for members and admins: a suspect commit's author who is a member can be assigned. */
  assignSuspect?: SuspectAssign;
  /** An event id, or "latest" (the default) / "oldest". */
  eventId: string;
  /** The environment / release / user the page's URL narrows the issue's events to: navigation stays among them. */
  filters: EventFiltersParams;
  onClearFilters: () => void;
  onNavigate: (eventId: string | null) => void;
  /** Set when the issue has no stored event: the project's retention, and whether it deleted them (else none was kept). */
  noStoredEvents?: { retentionDays: number | null; expired: boolean } | null;
}

/** One event in full, with first / older / newer / latest navigation. */
export function EventViewer({ errorId, workspaceId, mappableProjectId, assignSuspect, eventId, filters, onClearFilters, onNavigate, noStoredEvents }: EventViewerProps) {
  // An issue with no stored event has no latest or oldest to ask for (a named event is still asked: it answers 404 itself).
  const nothingToAsk = Boolean(noStoredEvents) && (eventId === "latest" || eventId === "oldest");
  const query = useIssueEventQuery(errorId, eventId, filters, !nothingToAsk);
  const [linkingFrame, setLinkingFrame] = useState<EventFrame | null>(null);
  const narrowed = EVENT_FILTER_FIELDS.filter(([key]) => filters[key]);
  const filterNote =
    narrowed.length > 0 ? (
      <p className="flex flex-wrap items-center gap-x-2 text-sm text-gray-600 dark:text-gray-400" data-testid="event-filters">
        <span>
          Events with{" "}
          {narrowed.map(([key, label], i) => (
            <span key={key}>
              {i > 0 && (i === narrowed.length - 1 ? " and " : ", ")}
              {label.toLowerCase()} <span className="font-mono text-gray-900 dark:text-gray-100">{filters[key]}</span>
            </span>
          ))}
        </span>
        <button type="button" className="font-medium text-blue-700 hover:underline dark:text-blue-400" onClick={onClearFilters}>
          Show every event
        </button>
      </p>
    ) : null;
  if (nothingToAsk && noStoredEvents) return <NoStoredEvents retentionDays={noStoredEvents.retentionDays} expired={noStoredEvents.expired} filterNote={filterNote} />;
  if (query.isLoading) return <LoadingState label="Loading the event…" />;
  if (query.error && !query.data) {
    // Its events went past the retention while the page was open: the same notice, not a failure.
    if (query.error instanceof ApiRequestError && query.error.status === 404 && query.error.details.reason === "expired") {
      const days = query.error.details.retentionDays;
      return <NoStoredEvents retentionDays={typeof days === "number" ? days : null} expired filterNote={null} />;
    }
    // A link to an event this issue does not hold (an unmerge moved it, retention removed it, a typo): no retry can find it.
    if (eventId !== "latest" && eventId !== "oldest" && query.error instanceof ApiRequestError && query.error.status === 404) {
      const movedTo = query.error.details.movedTo;
      return (
        <div className="space-y-3 rounded-lg bg-white px-4 py-6 shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800" data-testid="event-not-in-issue">
          <p className="font-medium text-gray-900 dark:text-gray-100">
            Event <span className="font-mono text-sm">{eventId.slice(0, 12)}</span> is not in this issue{typeof movedTo === "string" ? " any more" : ""}.
          </p>
          <p className="text-sm text-gray-600 dark:text-gray-400">
            {typeof movedTo === "string" ? "Its events were moved to another issue (an unmerge or a merge)." : "It may have been moved to another issue, removed by the retention period, or the link is mistyped."}
          </p>
          <div className="flex flex-wrap gap-2">
            {typeof movedTo === "string" && (
              <Link href={`/errors/${encodeURIComponent(movedTo)}?event=${encodeURIComponent(eventId)}`} className={button.primary} data-testid="event-moved-link">
                Open it in the issue that holds it
              </Link>
            )}
            <button type="button" className={button.secondary} onClick={() => onNavigate(null)}>
              Latest event
            </button>
          </div>
        </div>
      );
    }
    // Narrowed by the URL (a list's environment, a tag's link): say so rather than "not found". (An event
    // asked for by id is found whatever the filters: its 404 means the issue does not hold it.)
    if (filterNote && query.error instanceof ApiRequestError && query.error.status === 404) {
      return (
        <div className="space-y-2 rounded-lg bg-white px-4 py-6 shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800" data-testid="event-viewer-empty">
          <p className="font-medium text-gray-900 dark:text-gray-100">No event of this issue matches these filters.</p>
          {filterNote}
        </div>
      );
    }
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const event = query.data;
  if (!event) return null;
  const { links } = event;
  const isLatest = links.latest === event.eventId;

  return (
    <div className="space-y-4" data-testid="event-viewer" data-event-id={event.eventId}>
      <EventShortcuts links={links} current={event.eventId} onNavigate={onNavigate} />
      {filterNote}
      <nav aria-label="Events" className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-white px-3 py-2 shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800">
        <p className="min-w-0 text-sm text-gray-700 dark:text-gray-300">
          <span className="font-medium">{isLatest ? "Latest event" : "Event"}</span>{" "}
          <span className="font-mono text-xs" data-testid="event-id">{event.eventId.slice(0, 12)}</span>{" "}
          <time dateTime={event.occurredAt} title={event.occurredAt} className="text-gray-500 dark:text-gray-400">
            {formatDistanceToNow(new Date(event.occurredAt), { addSuffix: true })}
          </time>
          {query.isFetching && <Spinner className="ml-2 inline h-3.5 w-3.5" />}
        </p>
        <div className="flex gap-1">
          <NavButton label="First" target={links.first} current={event.eventId} onNavigate={onNavigate} />
          <NavButton label="Older" target={links.previous} current={event.eventId} onNavigate={onNavigate} />
          <NavButton label="Newer" target={links.next} current={event.eventId} onNavigate={onNavigate} />
          <NavButton label="Latest" target={links.latest} current={event.eventId} onNavigate={(id) => onNavigate(id === links.latest ? null : id)} />
        </div>
      </nav>
      <LogSection log={event.log} />
      <SuspectCommitsSection suspects={event.suspectCommits} assign={assignSuspect} />
      <ExceptionSection exceptions={event.exceptions} language={languageOfPlatform(event.platform)} onLinkSource={mappableProjectId ? setLinkingFrame : undefined} />
      <ThreadsSection threads={event.threads} language={languageOfPlatform(event.platform)} />
      {mappableProjectId && <LinkSourceDialog projectId={mappableProjectId} frame={linkingFrame} onClose={() => setLinkingFrame(null)} />}
      <BreadcrumbsSection breadcrumbs={event.breadcrumbs} occurredAt={event.occurredAt} />
      <RequestSection request={event.request} />
      <div className="grid items-start gap-4 xl:grid-cols-2">
        <UserSection user={event.user} />
        <EventFactsSection event={event} />
      </div>
      <TagsSection tags={event.tags} workspaceId={workspaceId} />
      <ContextsSection contexts={event.contexts} />
      <ModulesSection modules={event.modules} />
      <AttachmentsSection attachments={event.attachments} />
      <RelatedEventsSection related={event.related} />
      <ExtraSection extra={event.extra} />
    </div>
  );
}

/**
 * An issue with no stored event is a normal state, not a failure: its events are past the project's
 * retention (the issue keeps its summary, counts, users and history), or none was kept.
 */
function NoStoredEvents({ retentionDays, expired, filterNote }: { retentionDays: number | null; expired: boolean; filterNote: ReactNode }) {
  return (
    <div role="status" className="space-y-2 rounded-lg bg-white px-4 py-6 shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800" data-testid="event-viewer-expired">
      <p className="font-medium text-gray-900 dark:text-gray-100">
        {expired
          ? `This issue's events are past the project's retention${retentionDays ? ` (${retentionDays} ${retentionDays === 1 ? "day" : "days"})` : ""} and were deleted.`
          : "No event of this issue is stored."}
      </p>
      <p className="text-sm text-gray-600 dark:text-gray-400">Its summary, counts, users, charts and history stay. Its next event will show here.</p>
      {filterNote}
    </div>
  );
}

/** `j` / `k`: the older and the newer event (listed in the issue page's shortcuts, `?`). */
function EventShortcuts({ links, current, onNavigate }: { links: { previous: string | null; next: string | null }; current: string; onNavigate: (id: string) => void }) {
  useShortcuts([
    { key: "j", label: "Older event", run: () => links.previous && onNavigate(links.previous), enabled: Boolean(links.previous && links.previous !== current) },
    { key: "k", label: "Newer event", run: () => links.next && onNavigate(links.next), enabled: Boolean(links.next && links.next !== current) },
  ]);
  return null;
}

function NavButton({ label, target, current, onNavigate }: { label: string; target: string | null; current: string; onNavigate: (id: string) => void }) {
  const disabled = !target || target === current;
  return (
    <button type="button" className={`${button.secondary} px-2 py-1 text-xs`} disabled={disabled} onClick={() => target && onNavigate(target)}>
      {label}
    </button>
  );
}
