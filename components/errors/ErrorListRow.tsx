import { formatDistanceToNow } from "date-fns";
import { SeverityBadge, StatusBadge } from "@/components/ui/Badge";
import type { ErrorSummary } from "@/lib/errors/errorDto";
import { formatCount } from "@/lib/client/format";

interface ErrorListRowProps {
  error: ErrorSummary;
  id: string;
  isSelected: boolean;
  isActive: boolean;
  onSelect: () => void;
  /** With a handler the row gets a checkbox for bulk actions (merge). */
  isChecked?: boolean;
  onToggleCheck?: () => void;
}

/** One option of the error listbox; the listbox owns focus, this only renders and takes clicks. */
export function ErrorListRow({ error, id, isSelected, isActive, onSelect, isChecked = false, onToggleCheck }: ErrorListRowProps) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={isSelected}
      data-testid="error-row"
      data-error-id={error.errorId}
      onClick={onSelect}
      className={`cursor-pointer border-l-4 px-4 py-3 sm:px-6 ${
        isSelected ? "border-blue-600 bg-blue-50 dark:bg-blue-950/40" : "border-transparent hover:bg-gray-50 dark:hover:bg-gray-800/60"
      } ${isActive ? "outline-2 -outline-offset-2 outline-blue-500" : ""}`}
    >
      <div className="flex items-start gap-2">
        {onToggleCheck && (
          <input
            type="checkbox"
            aria-label={`Select ${error.type}: ${error.message}`}
            data-testid="error-row-check"
            checked={isChecked}
            onClick={(e) => e.stopPropagation()}
            onKeyDown={(e) => e.stopPropagation()}
            onChange={onToggleCheck}
            className="mt-1 h-4 w-4 shrink-0 rounded border-gray-300"
          />
        )}
        <div className="min-w-0 flex-1">
          <p className="truncate font-mono text-sm font-medium text-gray-900 dark:text-gray-100">{error.type}</p>
          <p className="truncate text-sm text-gray-600 dark:text-gray-400">{error.message || "(no message)"}</p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1 sm:flex-row sm:items-center">
          <SeverityBadge severity={error.severity} />
          <StatusBadge status={error.status} />
        </div>
      </div>
      <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-gray-500 dark:text-gray-400">
        <span>{formatCount(error.occurrences)} events</span>
        <span>{formatCount(error.impact.usersAffected)} users</span>
        <span>{error.category}</span>
        <span title={new Date(error.lastSeen).toLocaleString()}>last seen {formatDistanceToNow(new Date(error.lastSeen), { addSuffix: true })}</span>
      </p>
    </li>
  );
}
