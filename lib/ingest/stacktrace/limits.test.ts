import { describe, expect, it } from "vitest";
import { MAX_INPUT_CHARS, MAX_KEPT_LINE_CHARS, MAX_LINE_CHARS, splitLines } from "@/lib/ingest/stacktrace/limits";

describe("splitLines", () => {
  it("splits on LF, drops a CR before it, cuts over-long lines and caps the input", () => {
    expect(splitLines("a\r\nb\n\nc")).toEqual(["a", "b", "", "c"]);
    // A header line longer than a frame line ever is keeps its type and message (up to 8,192 characters).
    expect(splitLines(`x\n${"y".repeat(MAX_LINE_CHARS + 1)}\nz`)).toEqual(["x", "y".repeat(MAX_LINE_CHARS + 1), "z"]);
    expect(splitLines(`x\n${"y".repeat(MAX_KEPT_LINE_CHARS + 100)}\nz`)).toEqual(["x", "y".repeat(MAX_KEPT_LINE_CHARS), "z"]);
    expect(splitLines("\n".repeat(MAX_INPUT_CHARS + 10))).toHaveLength(MAX_INPUT_CHARS + 1);
    expect(splitLines("")).toEqual([]);
  });

  it("splits a trace once for the dozen parsers that try it: the same text gets the same frozen lines", () => {
    // 256 KiB of line breaks used to be split by every parser and chain splitter in turn: 0.6 s per event.
    const text = "\n".repeat(MAX_INPUT_CHARS);
    const lines = splitLines(text);
    expect(splitLines(text)).toBe(lines);
    expect(Object.isFrozen(lines)).toBe(true);
    expect(splitLines(`${text.slice(1)}x`)).not.toBe(lines);
    expect(splitLines(text)).toHaveLength(MAX_INPUT_CHARS + 1);
  });
});
