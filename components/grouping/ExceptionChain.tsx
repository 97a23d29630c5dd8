"use client";

import { frameFunctionLabel } from "@/lib/errors/frameLabel";
import type { StoredChainException } from "@/lib/grouping/chain/ChainException";
import { RELATION_LABELS } from "@/lib/grouping/chain/relationLabels";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";

/** One frame as runtimes print them: function (qualified by its class where the runtime does), then where. */
function frameText(frame: Frame, language: Language): { fn: string; where: string } {
  const fn = frameFunctionLabel(frame, language);
  const qualified = frame.module !== undefined && fn.startsWith(frame.module);
  const file = frame.filename ?? frame.absPath ?? (qualified ? undefined : frame.module);
  return { fn, where: file ? `${file}${frame.lineno !== undefined ? `:${frame.lineno}` : ""}` : "" };
}

/**
 * An event's exception chain, raised exception first, each with its frames (innermost first, the
 * application's own highlighted). Shown in the details for events with more than one exception.
 */
export function ExceptionChain({ chain, language }: { chain: StoredChainException[]; language: Language }) {
  if (chain.length < 2) return null;
  return (
    <section aria-labelledby="exception-chain-title" data-testid="exception-chain" className="border-t border-gray-200 px-4 py-3 sm:px-6 dark:border-gray-800">
      <h3 id="exception-chain-title" className="mb-2 text-sm font-medium text-gray-900 dark:text-gray-100">
        Exception chain <span className="font-normal text-gray-500 dark:text-gray-400">({chain.length} exceptions, one event)</span>
      </h3>
      <ol className="space-y-3">
        {chain.map((exception, i) => (
          <li key={i} data-testid="chain-exception" className="rounded-md ring-1 ring-gray-200 dark:ring-gray-800">
            <div className="border-b border-gray-100 px-3 py-2 dark:border-gray-800">
              <p className="text-xs uppercase tracking-wide text-gray-500 dark:text-gray-400">{RELATION_LABELS[exception.relation]}</p>
              <p className="break-all font-mono text-sm font-medium text-gray-900 dark:text-gray-100">{exception.type}</p>
              {exception.message && <p className="break-words text-sm text-gray-600 dark:text-gray-400">{exception.message}</p>}
            </div>
            {exception.frames.length > 0 ? (
              <ul className="max-h-56 overflow-auto px-3 py-2 font-mono text-xs">
                {[...exception.frames].reverse().map((frame, j) => {
                  const { fn, where } = frameText(frame, language);
                  return (
                    <li key={j} className={frame.inApp === false ? "text-gray-400 dark:text-gray-500" : "text-gray-800 dark:text-gray-200"}>
                      <span className="font-medium">{fn}</span> <span className="text-gray-500 dark:text-gray-400">{where}</span>
                    </li>
                  );
                })}
              </ul>
            ) : exception.stackTrace ? (
              <pre className="max-h-56 overflow-auto whitespace-pre-wrap break-all px-3 py-2 font-mono text-xs text-gray-700 dark:text-gray-300">{exception.stackTrace}</pre>
            ) : (
              <p className="px-3 py-2 text-xs text-gray-500 dark:text-gray-400">No frames were sent for this exception.</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
