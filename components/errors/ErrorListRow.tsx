import Link from "next/link";
import type { MouseEvent } from "react";
import { SeverityBadge, StatusBadge } from "@/components/ui/Badge";
import { Sparkline } from "@/components/ui/Sparkline";
import { countOf, formatCount } from "@/lib/client/format";
import { issueTitle, issueTitleParts } from "@/lib/domain/issueTitle";
import type { ErrorListItem } from "@/lib/errors/listErrors";
import { RelativeTime } from "@/components/ui/RelativeTime";

interface ErrorListRowProps {
  error: ErrorListItem;
  id: string;
  /** The issue's page: the title links there. */
  href: string;
  /** Shown in the details panel beside the list. */
  isSelected: boolean;
  /** The row the keyboard is on, while the list has focus. */
  isActive: boolean;
  /** The row whose link and checkbox are in the Tab order (one row of the list). */
  isTabStop: boolean;
  isChecked: boolean;
  canSelect: boolean;
  periodLabel: string;
  /** Shown when the list mixes projects. */
  projectName?: string;
  /** Set where a plain click on the title selects the row (a details panel) instead of following the link. */
  onSelect?: () => void;
  /** A click elsewhere on the row: selects it, or opens its page. */
  onOpen: () => void;
  onFocus: () => void;
  onCheck: (event: MouseEvent<HTMLInputElement>) => void;
}

function initials(name: string): string {
  return name
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join("");
}

const isModified = (e: MouseEvent) => e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey;

/** One row of the issue list: checkbox, title (type and message) linking to the issue, culprit, sparkline and counts for the period. */
export function ErrorListRow({ error, id, href, isSelected, isActive, isTabStop, isChecked, canSelect, periodLabel, projectName, onSelect, onOpen, onFocus, onCheck }: ErrorListRowProps) {
  const lastSeen = error.stats.lastSeen;
  const title = issueTitleParts(error);

  function onTitleClick(e: MouseEvent<HTMLAnchorElement>) {
    e.stopPropagation();
    // Ctrl / Cmd / Shift / Alt or another button: the browser's own (a new tab or window).
    if (isModified(e) || !onSelect) return;
    e.preventDefault();
    onSelect();
  }

  return (
    <li
      id={id}
      data-testid="error-row"
      data-error-id={error.errorId}
      onFocus={onFocus}
      onClick={(e) => {
        // The rest of the row does what a plain click on its title does.
        if (!isModified(e)) onOpen();
      }}
      className={`flex cursor-pointer items-start gap-2 border-l-4 px-3 py-2 sm:px-4 ${
        isSelected ? "border-blue-600 bg-blue-50 dark:bg-blue-950/40" : isChecked ? "border-transparent bg-blue-50/60 dark:bg-blue-950/20" : "border-transparent hover:bg-gray-50 dark:hover:bg-gray-800/60"
      } ${isActive ? "outline-2 -outline-offset-2 outline-blue-500" : ""}`}
    >
      {canSelect && (
        <input
          type="checkbox"
          aria-label={`Select ${issueTitle(error, 80)}`}
          checked={isChecked}
          tabIndex={isTabStop ? 0 : -1}
          id={`${id}-check`}
          onClick={(e) => {
            e.stopPropagation();
            onCheck(e);
          }}
          onChange={() => undefined}
          className="mt-1 h-4 w-4 shrink-0 rounded border-gray-300"
          data-testid="row-checkbox"
        />
      )}
      <div className="min-w-0 flex-1">
        {/* The type is the issue's title: it keeps its width (cut only when longer than the row) and the
            message takes what is left, or the next line when less than a few words would fit. */}
        <Link
          href={href}
          prefetch={false}
          id={`${id}-link`}
          tabIndex={isTabStop ? 0 : -1}
          aria-current={isSelected ? "true" : undefined}
          onClick={onTitleClick}
          className="flex flex-wrap items-baseline gap-x-2 decoration-gray-400 hover:underline focus:outline-none focus-visible:underline"
          data-testid="row-link"
        >
          {title.type === null ? (
            <span className="min-w-0 truncate text-sm font-medium text-gray-900 dark:text-gray-100">{title.message}</span>
          ) : (
            <>
              <span className="max-w-full truncate font-mono text-sm font-medium text-gray-900 dark:text-gray-100" title={title.type} data-testid="row-type">
                {title.type}
              </span>{" "}
              {/* The space keeps the link's name "Type message"; the flex layout ignores it. */}
              <span className="min-w-[8rem] flex-1 basis-0 truncate text-sm text-gray-600 dark:text-gray-400">{title.message || "(no message)"}</span>
            </>
          )}
        </Link>
        {error.culprit && <p className="truncate font-mono text-xs text-gray-500 dark:text-gray-400">{error.culprit}</p>}
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-gray-500 dark:text-gray-400">
          <SeverityBadge severity={error.severity} />
          <StatusBadge status={error.status} />
          {projectName && (
            <span className="font-medium text-gray-700 dark:text-gray-300" data-testid="row-project">
              {projectName}
            </span>
          )}
          <span>{error.category}</span>
          {error.environments.map((env) => (
            <span key={env} className="max-w-full truncate rounded bg-gray-100 px-1 font-mono text-gray-600 dark:bg-gray-800 dark:text-gray-400" title={env}>
              {env}
            </span>
          ))}
          <RelativeTime iso={lastSeen} />
        </p>
      </div>
      <div className="hidden shrink-0 sm:block">
        <Sparkline values={error.stats.sparkline} label={`${countOf(error.stats.events, "event")} in the ${periodLabel}`} />
      </div>
      <dl className="grid w-20 shrink-0 grid-cols-1 text-right text-xs sm:w-28 sm:grid-cols-2">
        <div title={`${countOf(error.stats.events, "event")} in the ${periodLabel} · ${formatCount(error.occurrences)} in all time`}>
          <dt className="sr-only">Events in the {periodLabel}</dt>
          <dd className="font-semibold text-gray-900 dark:text-gray-100" data-testid="row-events">{formatCount(error.stats.events)}</dd>
        </div>
        {/* Distinct users per issue are kept for all time only (no per-period rollup): labelled as such. */}
        <div title={`${countOf(error.impact.usersAffected, "user")} affected in all time (not only the ${periodLabel})`}>
          <dt className="sr-only">Users affected, all time</dt>
          <dd className="text-gray-600 dark:text-gray-400" data-testid="row-users">{formatCount(error.impact.usersAffected)} usr</dd>
        </div>
      </dl>
      <span
        className="mt-0.5 hidden h-6 w-6 shrink-0 items-center justify-center rounded-full bg-gray-200 text-[10px] font-medium text-gray-700 sm:flex dark:bg-gray-700 dark:text-gray-200"
        title={
          error.assignee
            ? `Assigned to ${error.assignee.name || error.assignee.email}${error.assigneeTeam ? ` (${error.assigneeTeam.name})` : ""}`
            : error.assigneeTeam
              ? `Assigned to team ${error.assigneeTeam.name}`
              : "Unassigned"
        }
        data-testid="row-assignee"
      >
        {error.assignee ? initials(error.assignee.name || error.assignee.email) : error.assigneeTeam ? `#${initials(error.assigneeTeam.name)}` : "–"}
      </span>
    </li>
  );
}
