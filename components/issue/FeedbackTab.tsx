"use client";

import { FeedbackEntry } from "@/components/feedback/FeedbackEntry";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useIssueFeedbackQuery } from "@/lib/client/hooks/useIssueFeedbackQuery";

interface FeedbackTabProps {
  errorId: string;
  /** Opens one event of the issue in the event viewer. */
  onOpenEvent: (eventId: string) => void;
}

/** What the people who hit this issue wrote (Sentry user feedback), newest first, each with its event. */
export function FeedbackTab({ errorId, onOpenEvent }: FeedbackTabProps) {
  const feedback = useIssueFeedbackQuery(errorId);
  if (feedback.isLoading) return <LoadingState label="Loading user feedback…" />;
  if (feedback.error && !feedback.data) return <ErrorState error={feedback.error} onRetry={() => void feedback.refetch()} />;
  const items = feedback.data?.items ?? [];
  return (
    <div className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800" data-testid="issue-feedback">
      {items.length === 0 ? (
        <p className="text-sm text-gray-500 dark:text-gray-400">
          No user feedback yet. SDKs send it with <code>Sentry.captureFeedback</code>, the feedback widget or the crash-report dialog.
        </p>
      ) : (
        <>
          <p className="text-sm text-gray-600 dark:text-gray-400">
            {feedback.data!.total} {feedback.data!.total === 1 ? "report" : "reports"}
            {feedback.data!.total > items.length ? `, the newest ${items.length} shown` : ""}
          </p>
          <ol className="divide-y divide-gray-100 dark:divide-gray-800">
            {items.map((item) => (
              <FeedbackEntry key={item.id} item={item}>
                {item.eventStored ? (
                  <button type="button" className="font-mono text-blue-700 hover:underline dark:text-blue-400" onClick={() => onOpenEvent(item.eventId)}>
                    event {item.eventId.slice(0, 12)}
                  </button>
                ) : (
                  <span className="font-mono" title="Counted but not kept (spike protection or the issue's event cap)">
                    event {item.eventId.slice(0, 12)} (not kept)
                  </span>
                )}
              </FeedbackEntry>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
