import { describe, expect, it } from "vitest";
import { buildMappingsIndex, lookupSegment, MappingsError, type MappedSegment } from "@/lib/sourcemaps/mappingsIndex";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function vlq(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = "";
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += B64[digit];
  } while (v > 0);
  return out;
}

interface Segment {
  line: number;
  column: number;
  fields: number;
  source: number;
  originalLine: number;
  originalColumn: number;
  name: number;
}

/** A deterministic pseudo-random generator (mulberry32), so a failure reproduces. */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

/** Random mappings (lines of 0–300 segments, 1/4/5 fields, some lines out of column order, stray commas) and their decoded segments. */
function randomMappings(seed: number, unsorted: boolean, shape: { lines: number; segments: number } = { lines: 6, segments: 300 }): { mappings: string; segments: Segment[] } {
  const r = random(seed);
  const segments: Segment[] = [];
  const lines: string[] = [];
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  let name = 0;
  for (let line = 0, lineCount = 1 + r(shape.lines); line < lineCount; line++) {
    const parts: string[] = [];
    let column = 0;
    for (let k = 0, n = r(4) === 0 ? 0 : r(shape.segments); k < n; k++) {
      const delta = unsorted && r(10) === 0 ? -r(column + 1) : r(8) === 0 ? 0 : r(40);
      column += delta;
      const fields = [1, 4, 4, 4, 5, 5][r(6)];
      let text = vlq(delta);
      if (fields >= 4) {
        const ds = r(3) - 1 + (source === 0 ? 1 : 0);
        const dl = r(7) - 3;
        const dc = r(21) - 10;
        source += ds;
        originalLine += dl;
        originalColumn += dc;
        text += vlq(ds) + vlq(dl) + vlq(dc);
        if (fields === 5) {
          const dn = r(5) - 2 + (name < 2 ? 2 : 0);
          name += dn;
          text += vlq(dn);
        }
      }
      parts.push(text + (r(50) === 0 ? "," : ""));
      segments.push({ line, column, fields, source, originalLine, originalColumn, name });
    }
    lines.push(parts.join(","));
  }
  return { mappings: lines.join(";"), segments };
}

/** What a full decode answers: the line's segment with the greatest column not after the position, the later on a tie. */
function reference(segments: Segment[], line: number, column: number): MappedSegment | null {
  let best: Segment | null = null;
  for (const s of segments) if (s.line === line && s.column <= column && (!best || s.column >= best.column)) best = s;
  if (!best || best.fields < 4) return null;
  return { source: best.source, originalLine: best.originalLine, originalColumn: best.originalColumn, name: best.fields === 5 ? best.name : -1 };
}

describe("mappings index", () => {
  const agrees = (mappings: string, segments: Segment[]) => {
    const index = buildMappingsIndex(mappings);
    const lines = Math.max(0, ...segments.map((s) => s.line)) + 2;
    const columns = Math.max(0, ...segments.map((s) => s.column)) + 3;
    for (let line = 0; line < lines; line++) {
      for (let column = 0; column < columns; column += 1 + (column % 3)) {
        expect(lookupSegment(mappings, index, line, column), `line ${line} column ${column}`).toEqual(reference(segments, line, column));
      }
    }
  };

  it.each([1, 2, 3, 4, 5, 6, 7, 8])("answers every position as a full decode does (seed %i, long lines, in order and out of order)", (seed) => {
    for (const unsorted of [false, true]) {
      const { mappings, segments } = randomMappings(seed, unsorted);
      agrees(mappings, segments);
    }
  });

  it.each([11, 12, 13])("answers every position as a full decode does (seed %i, hundreds of short and empty lines)", (seed) => {
    for (const unsorted of [false, true]) {
      const { mappings, segments } = randomMappings(seed, unsorted, { lines: 600, segments: 4 });
      agrees(mappings, segments);
    }
  });

  it("keeps one checkpoint per 64 segments, and a line start only after 256 characters: bounded by the string's size whatever its shape", () => {
    const line = Array.from({ length: 6400 }, () => "CAAC").join(",");
    expect(buildMappingsIndex(line).count).toBe(101);
    expect(buildMappingsIndex("").count).toBe(1);
    // A hostile map: a million empty lines, or a million one-segment lines.
    expect(buildMappingsIndex(";".repeat(1_000_000)).count).toBeLessThanOrEqual(1 + 1_000_000 / 256);
    const oneSegmentLines = "A;".repeat(500_000);
    const index = buildMappingsIndex(oneSegmentLines);
    expect(index.count).toBeLessThanOrEqual(oneSegmentLines.length / 64);
    expect(lookupSegment(oneSegmentLines, index, 499_999, 0)).toBeNull(); // 1-field segments map to nothing
    expect(lookupSegment(oneSegmentLines, index, 600_000, 0)).toBeNull(); // past the last line
  });

  it("refuses a malformed string, naming where", () => {
    expect(() => buildMappingsIndex("AAAA;!!")).toThrow(MappingsError);
    expect(() => buildMappingsIndex("AAAA;!!")).toThrow(/invalid character at 5/);
    expect(() => buildMappingsIndex("gggggggggggg")).toThrow(/number too long/);
    expect(() => buildMappingsIndex("AAAg")).toThrow(/invalid character/);
  });
});
