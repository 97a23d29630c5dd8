import { formatDistanceToNow } from "date-fns";
import type { ReactNode } from "react";
import { AttachmentList } from "@/components/issue/event/AttachmentList";
import type { toFeedbackDto } from "@/lib/feedback/feedbackDto";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { exactTime } from "@/lib/client/zonedTime";

type Feedback = ReturnType<typeof toFeedbackDto>;

/** One piece of user feedback: who (name, contact), when, their words, then `children` (links to its event or issue) and where it was sent from. */
export function FeedbackEntry({ item, children }: { item: Feedback; children?: ReactNode }) {
  const zone = useTimeZone();
  return (
    <li className="space-y-1 py-3 text-sm" data-testid="feedback-item">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-medium text-gray-900 dark:text-gray-100">{item.name ?? item.email ?? "Anonymous"}</span>
        {item.name && item.email && <span className="text-gray-500 dark:text-gray-400">{item.email}</span>}
        <time dateTime={item.createdAt} title={exactTime(item.createdAt, zone)} className="text-xs text-gray-500 dark:text-gray-400">
          {formatDistanceToNow(new Date(item.createdAt), { addSuffix: true })}
        </time>
      </div>
      <p className="whitespace-pre-wrap break-words text-gray-800 dark:text-gray-200">{item.comments}</p>
      <AttachmentList attachments={item.attachments} />
      <div className="flex flex-wrap gap-x-3 text-xs text-gray-500 dark:text-gray-400">
        {children}
        {item.url && <span className="truncate">on {item.url}</span>}
        <span>{item.source === "user_report" ? "user report" : "feedback widget / API"}</span>
      </div>
    </li>
  );
}
