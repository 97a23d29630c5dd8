"use client";

import oneDark from "react-syntax-highlighter/dist/esm/styles/prism/one-dark";
import { Highlighter, isHighlighted } from "@/components/issue/event/highlighter";
import type { EventFrame } from "@/components/issue/event/eventTypes";

/**
 * One Dark with its comment grey (#5c6370, 3:1 on the panel) lightened to 6.9:1: the line numbers
 * wear the comment style, and comments are code to read too.
 */
const THEME = { ...oneDark, comment: { ...oneDark.comment, color: "#9ca3af" } };

/** The source lines around a frame's line, highlighted for its language, the frame's own line marked. */
export function FrameSource({ frame }: { frame: EventFrame }) {
  if (frame.contextLine === undefined) return null;
  const pre = frame.preContext ?? [];
  const post = frame.postContext ?? [];
  const lines = [...pre, frame.contextLine, ...post];
  const first = frame.lineno !== undefined ? Math.max(1, frame.lineno - pre.length) : 1;
  const marked = first + pre.length;
  const language = isHighlighted(frame.language) ? frame.language : "text";
  return (
    <div className="overflow-x-auto rounded-md bg-gray-900 py-1 text-xs dark:bg-black dark:ring-1 dark:ring-gray-800" data-testid="frame-source" data-language={language}>
      <Highlighter
        language={language}
        style={THEME}
        showLineNumbers
        startingLineNumber={first}
        wrapLines
        lineProps={(n: number) => ({
          "data-line": n,
          className: n === marked ? "block bg-red-500/20 border-l-2 border-red-400" : "block border-l-2 border-transparent",
        })}
        lineNumberStyle={{ minWidth: "3em", color: "#9ca3af", paddingRight: "1em", userSelect: "none" }}
        customStyle={{ margin: 0, padding: 0, background: "transparent", fontSize: "12px" }}
        codeTagProps={{ className: "font-mono" }}
      >
        {lines.join("\n")}
      </Highlighter>
    </div>
  );
}
