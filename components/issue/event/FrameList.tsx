"use client";

import { useState } from "react";
import { FrameSource } from "@/components/issue/event/FrameSource";
import type { EventFrame } from "@/components/issue/event/eventTypes";
import { ChevronRightIcon } from "@/components/ui/Icons";
import { KeyValueTable } from "@/components/ui/KeyValueTable";
import { frameAddressLabel, frameFunctionLabel } from "@/lib/errors/frameLabel";
import { basename } from "@/lib/ingest/stacktrace/location";
import type { Language } from "@/lib/ingest/stacktrace/frame";

type Block = { kind: "app"; frame: EventFrame; index: number } | { kind: "library"; frames: { frame: EventFrame; index: number }[] };

/**
 * Innermost call first; runs of library frames fold into one row, application frames show their
 * source. A stack with no application frame at all (an SDK that marked every frame not in-app) is
 * shown open: folding all of it would hide where the error happened.
 */
export function FrameList({ frames, language, onLinkSource }: { frames: EventFrame[]; language: Language; onLinkSource?: (frame: EventFrame) => void }) {
  const ordered = frames.map((frame, index) => ({ frame, index })).reverse();
  const blocks: Block[] = [];
  for (const entry of ordered) {
    if (entry.frame.inApp !== false) {
      blocks.push({ kind: "app", ...entry });
      continue;
    }
    const last = blocks.at(-1);
    if (last?.kind === "library") last.frames.push(entry);
    else blocks.push({ kind: "library", frames: [entry] });
  }
  return (
    <ol className="divide-y divide-gray-100 rounded-md ring-1 ring-gray-200 dark:divide-gray-800 dark:ring-gray-800" data-testid="frames">
      {blocks.map((block) =>
        block.kind === "app" ? (
          <AppFrame key={block.index} frame={block.frame} language={language} onLinkSource={onLinkSource} />
        ) : (
          <LibraryFrames key={block.frames[0].index} frames={block.frames.map((f) => f.frame)} language={language} initiallyOpen={blocks.length === 1} />
        ),
      )}
    </ol>
  );
}

function FrameTitle({ frame, language }: { frame: EventFrame; language: Language }) {
  const where = frame.filename ?? frame.absPath ?? frame.module;
  const address = frameAddressLabel(frame);
  return (
    <span className="min-w-0 break-all font-mono text-xs">
      <span className="font-semibold text-gray-900 dark:text-gray-100">{frameFunctionLabel(frame, language)}</span>
      {where && <span className="text-gray-500 dark:text-gray-400"> at {where}</span>}
      {frame.lineno !== undefined && (
        <span className="text-gray-500 dark:text-gray-400">
          :{frame.lineno}
          {frame.colno !== undefined && `:${frame.colno}`}
        </span>
      )}
      {/* A symbolicated native frame keeps its offset into the binary, after its line. */}
      {address && <span className="text-gray-500 dark:text-gray-400" title="offset into the binary">{frame.lineno !== undefined ? ` (${address})` : ` ${address}`}</span>}
      {frame.minified && (
        <span className="text-gray-400 dark:text-gray-500" title={`Mapped by the release's source map from ${frame.minified.function ?? "<anonymous>"} at ${frame.minified.filename ?? "?"}:${frame.minified.lineno ?? "?"}:${frame.minified.colno ?? "?"}`} data-testid="frame-minified">
          {" "}
          (source-mapped from {(frame.minified.filename ?? "").split("/").pop()}:{frame.minified.lineno}:{frame.minified.colno})
        </span>
      )}
    </span>
  );
}

function AppFrame({ frame, language, onLinkSource }: { frame: EventFrame; language: Language; onLinkSource?: (frame: EventFrame) => void }) {
  const hasSource = frame.contextLine !== undefined || frame.vars !== undefined;
  const [isOpen, setIsOpen] = useState(true);
  return (
    <li data-testid="frame" data-in-app="true" className="px-3 py-2">
      <div className="flex items-start gap-2">
        <button type="button" disabled={!hasSource} onClick={() => setIsOpen(!isOpen)} aria-expanded={hasSource ? isOpen : undefined} className="flex min-w-0 flex-1 items-start gap-2 text-left">
          {hasSource ? <ChevronRightIcon className={`mt-0.5 h-4 w-4 shrink-0 text-gray-400 transition-transform ${isOpen ? "rotate-90" : ""}`} /> : <span className="w-4 shrink-0" />}
          <FrameTitle frame={frame} language={language} />
          <span className="ml-auto shrink-0 rounded bg-blue-50 px-1.5 text-[10px] font-medium uppercase text-blue-700 dark:bg-blue-950 dark:text-blue-300">in app</span>
        </button>
        <SourceLink frame={frame} />
        {!frame.sourceUrl && onLinkSource && (frame.filename ?? frame.absPath) && (
          <button
            type="button"
            onClick={() => onLinkSource(frame)}
            data-testid="frame-link-source"
            title="Set up a code mapping from this frame"
            className="shrink-0 whitespace-nowrap text-xs text-gray-500 hover:text-blue-700 hover:underline dark:text-gray-400 dark:hover:text-blue-400"
          >
            Link source
          </button>
        )}
      </div>
      {hasSource && isOpen && (
        <div className="mt-2 space-y-2">
          {frame.contextLine !== undefined && <FrameSource frame={frame} />}
          {frame.vars && <FrameVars vars={frame.vars} />}
        </div>
      )}
    </li>
  );
}

function LibraryFrames({ frames, language, initiallyOpen }: { frames: EventFrame[]; language: Language; initiallyOpen: boolean }) {
  const [isOpen, setIsOpen] = useState(initiallyOpen);
  return (
    <li data-testid="library-frames" className="bg-gray-50 px-3 py-1.5 dark:bg-gray-950/40">
      <button type="button" onClick={() => setIsOpen(!isOpen)} aria-expanded={isOpen} className="flex items-center gap-2 text-xs text-gray-600 hover:underline dark:text-gray-400">
        <ChevronRightIcon className={`h-4 w-4 text-gray-400 transition-transform ${isOpen ? "rotate-90" : ""}`} />
        {isOpen ? "Hide" : "Show"} {frames.length} library {frames.length === 1 ? "frame" : "frames"}
      </button>
      {isOpen && (
        <ol className="mt-1 space-y-1 pl-6">
          {frames.map((frame, i) => (
            <li key={i} data-testid="frame" data-in-app="false" className="opacity-80">
              <FrameTitle frame={frame} language={language} /> <SourceLink frame={frame} />
              {frame.contextLine !== undefined && (
                <div className="mt-1">
                  <FrameSource frame={frame} />
                </div>
              )}
              {frame.vars && (
                <div className="mt-1">
                  <FrameVars vars={frame.vars} />
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

/** The frame's file in the project's repository (its code mappings), opened in a new tab. */
function SourceLink({ frame }: { frame: EventFrame }) {
  if (!frame.sourceUrl) return null;
  const where = `${basename(frame.filename ?? frame.absPath ?? "")}${frame.lineno !== undefined ? `:${frame.lineno}` : ""}`;
  return (
    <a
      href={frame.sourceUrl}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="frame-source-link"
      aria-label={`Open ${where} in the repository`}
      title="Open in the repository (Settings → Project → Code mappings)"
      className="shrink-0 whitespace-nowrap text-xs text-blue-700 hover:underline dark:text-blue-400"
    >
      Source ↗
    </a>
  );
}

/** The frame's variables as the SDK rendered them (secrets already filtered at ingest). */
function FrameVars({ vars }: { vars: Record<string, string> }) {
  return (
    <div data-testid="frame-vars">
      <h4 className="mb-1 text-[10px] font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">Variables</h4>
      <KeyValueTable rows={Object.entries(vars)} />
    </div>
  );
}
