"use client";

import { FrameList } from "@/components/issue/event/FrameList";
import type { EventView } from "@/lib/errors/events/getEvent";
import { Badge } from "@/components/ui/Badge";
import { CollapsibleSection } from "@/components/ui/CollapsibleSection";
import type { Language } from "@/lib/ingest/stacktrace/frame";

type EventThread = EventView["threads"][number];

const LOCK_VERB: Record<EventThread["locks"][number]["kind"], string> = {
  locked: "holds",
  waiting: "waits on",
  sleeping: "sleeps on",
  blocked: "is blocked on",
};

/**
 * Every thread the SDK sent with the event (an ANR's, a native or Cocoa crash's), the crashed one
 * first: collapsed until opened, then each thread's name, id, state and locks, and its frames shown
 * like the exception's. The thread whose stack is the exception's points there instead.
 */
export function ThreadsSection({ threads, language }: { threads: EventView["threads"]; language: Language }) {
  if (threads.length === 0) return null;
  return (
    <CollapsibleSection
      id="threads-title"
      title={`Threads (${threads.length})`}
      contentId="threads-list"
      summary={`${threads.length === 1 ? "1 thread" : `${threads.length} threads`} sent with the event, the crashed one first: show them to see where each one was.`}
    >
      <ol className="space-y-4" data-testid="threads">
        {threads.map((thread, i) => (
          <li key={`${thread.id ?? ""}-${i}`} data-testid="thread">
            <ThreadHeader thread={thread} />
            {thread.isEventStack ? (
              <p className="text-sm text-gray-500 dark:text-gray-400">Its stack is the exception&apos;s, shown above.</p>
            ) : thread.frames.length > 0 ? (
              <FrameList frames={thread.frames} language={language} />
            ) : (
              <p className="text-sm text-gray-500 dark:text-gray-400">No stack trace was kept for this thread.</p>
            )}
            {thread.framesOmitted > 0 && !thread.isEventStack && (
              <p className="mt-1 text-xs text-gray-500 dark:text-gray-400">{thread.framesOmitted} outer frames were not kept.</p>
            )}
          </li>
        ))}
      </ol>
    </CollapsibleSection>
  );
}

function ThreadHeader({ thread }: { thread: EventThread }) {
  return (
    <div className="mb-2 space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="break-all font-mono text-sm font-semibold text-gray-900 dark:text-gray-100">{thread.name ?? (thread.id !== null ? `Thread ${thread.id}` : "Thread")}</h3>
        {thread.id !== null && <span className="font-mono text-xs text-gray-500 dark:text-gray-400">id {thread.id}</span>}
        {thread.state && <Badge>{thread.state}</Badge>}
        {thread.crashed && <Badge className="bg-red-50 text-red-700 ring-1 ring-inset ring-red-300 dark:bg-transparent dark:text-red-300">crashed</Badge>}
        {thread.current && !thread.crashed && <Badge>current</Badge>}
        {thread.main && <Badge>main</Badge>}
      </div>
      {thread.locks.length > 0 && (
        <ul className="text-xs text-gray-600 dark:text-gray-400" data-testid="thread-locks">
          {thread.locks.map((lock, i) => (
            <li key={i} className="break-all font-mono">
              {LOCK_VERB[lock.kind]} {lock.address ? `<${lock.address}> ` : ""}
              {lock.className ? `(a ${lock.className})` : ""}
              {lock.threadId ? ` held by thread ${lock.threadId}` : ""}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
