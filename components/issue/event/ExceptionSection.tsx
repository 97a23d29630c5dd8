"use client";

import { useState } from "react";
import { FrameList } from "@/components/issue/event/FrameList";
import type { EventException, EventFrame } from "@/components/issue/event/eventTypes";
import { RELATION_LABELS } from "@/lib/grouping/chain/relationLabels";
import { Badge } from "@/components/ui/Badge";
import { CopyButton } from "@/components/ui/CopyButton";
import { Section } from "@/components/ui/Section";
import { LOGGED_MESSAGE_TYPE } from "@/lib/domain/issueTitle";
import { rawChainText } from "@/lib/errors/events/rawChainText";
import type { Language } from "@/lib/ingest/stacktrace/frame";

/**
 * The exception chain: the raised exception first, then what caused it, each with its frames.
 * `onLinkSource` (admins) offers application frames without a source link a code mapping.
 */
export function ExceptionSection({ exceptions, language, onLinkSource }: { exceptions: EventException[]; language: Language; onLinkSource?: (frame: EventFrame) => void }) {
  const [isRaw, setIsRaw] = useState(false);
  // How each linked exception relates to the one before it (one marked raised after the first reads as a cause).
  const label = (e: EventException, i: number) => (i === 0 ? "" : e.relation === "raised" ? RELATION_LABELS.cause : (RELATION_LABELS[e.relation] ?? RELATION_LABELS.cause));
  const raw = rawChainText(exceptions);
  // A logged message (captureMessage, a log record): its text and where it was logged, no exception type.
  const isLoggedMessage = exceptions.length === 1 && exceptions[0].type === LOGGED_MESSAGE_TYPE;
  return (
    <Section
      id="exception-title"
      title={exceptions.length > 1 ? `Exception chain (${exceptions.length})` : isLoggedMessage ? "Message" : "Exception"}
      actions={
        <div className="flex items-center gap-2">
          <button type="button" className="text-xs text-blue-700 hover:underline dark:text-blue-400" onClick={() => setIsRaw(!isRaw)} aria-pressed={isRaw}>
            {isRaw ? "Structured" : "Raw"}
          </button>
          {isRaw && <CopyButton text={raw} />}
        </div>
      }
    >
      {isRaw ? (
        <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all rounded-md bg-gray-50 p-3 font-mono text-xs text-gray-800 dark:bg-gray-950 dark:text-gray-200" data-testid="raw-stack">
          {raw}
        </pre>
      ) : (
        <div className="space-y-4" data-testid="exception-chain">
          {exceptions.map((exception, i) => (
            <div key={`${exception.eventId}-${i}`} data-testid="exception">
              {!isLoggedMessage && (
                <div className="mb-2 flex flex-wrap items-center gap-2">
                  {i > 0 && <span className="text-xs font-medium uppercase text-gray-500 dark:text-gray-400">{label(exception, i)}</span>}
                  <h3 className="break-all font-mono text-sm font-semibold text-gray-900 dark:text-gray-100">{exception.type}</h3>
                  {exception.mechanism?.handled === false && <Badge className="bg-red-50 text-red-700 ring-1 ring-inset ring-red-300 dark:bg-transparent dark:text-red-300">unhandled</Badge>}
                  {exception.mechanism?.type && <Badge>{exception.mechanism.type}</Badge>}
                </div>
              )}
              {exception.value && <p className="mb-2 break-words text-sm text-gray-700 dark:text-gray-300">{exception.value}</p>}
              {exception.frames.length > 0 ? (
                <FrameList frames={exception.frames} language={language} onLinkSource={onLinkSource} />
              ) : (
                <p className="text-sm text-gray-500 dark:text-gray-400">No stack trace was sent with this {isLoggedMessage ? "message" : "exception"}.</p>
              )}
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}
