import { describe, expect, it } from "vitest";
import { MAX_INPUT_CHARS, MAX_LINE_CHARS, splitLines } from "@/lib/ingest/stacktrace/limits";

describe("splitLines", () => {
  it("splits on LF, drops a CR before it, blanks over-long lines and caps the input", () => {
    expect(splitLines("a\r\nb\n\nc")).toEqual(["a", "b", "", "c"]);
    expect(splitLines(`x\n${"y".repeat(MAX_LINE_CHARS + 1)}\nz`)).toEqual(["x", "", "z"]);
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
