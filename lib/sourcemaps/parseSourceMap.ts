import { z } from "zod";

/**
 * A source map (v3, as bundlers write them: esbuild, webpack, Vite/Rollup, tsc, terser) reduced to
 * what mapping a stack frame needs. Index maps (`sections`) are not read. `mappings` stays a
 * string: positions are resolved in one pass over it (resolvePositions), so a large single-line
 * bundle's map never becomes millions of objects in memory.
 */
export interface SourceMap {
  sources: string[];
  sourcesContent: (string | null)[];
  names: string[];
  mappings: string;
}

/** Where a generated position came from (1-based line and column, as stack traces print them). */
export interface OriginalPosition {
  source: string;
  sourceIndex: number;
  line: number;
  column: number;
  /** The identifier at that position in the original source, when the map names one. */
  name: string | null;
}

const SourceMapSchema = z.object({
  version: z.literal(3),
  sources: z.array(z.string().nullable()).max(100_000),
  sourcesContent: z.array(z.string().nullable()).optional(),
  names: z.array(z.string()).max(1_000_000).optional(),
  mappings: z.string(),
  sourceRoot: z.string().nullable().optional(),
});

/** Why a source map was refused: shown to whoever uploaded it. */
export class SourceMapError extends Error {}

/** Parses a source map's JSON text; throws SourceMapError naming what is wrong (the mappings are read later: see assertMappingsValid). */
export function parseSourceMap(text: string): SourceMap {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text.replace(/^\)\]\}'[^\n]*\n/, ""));
  } catch {
    throw new SourceMapError("not JSON");
  }
  if (json && typeof json === "object" && "sections" in json) throw new SourceMapError("index maps (`sections`) are not supported: upload each file's own map");
  const parsed = SourceMapSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SourceMapError(`${issue.path.join(".") || "map"}: ${issue.message}`);
  }
  const root = parsed.data.sourceRoot ? parsed.data.sourceRoot.replace(/\/?$/, "/") : "";
  return {
    sources: parsed.data.sources.map((s) => (s === null ? "" : /^[a-z][a-z0-9+.-]*:|^\//i.test(s) || !root ? s : root + s)),
    sourcesContent: parsed.data.sourcesContent ?? [],
    names: parsed.data.names ?? [],
    mappings: parsed.data.mappings,
  };
}

const BASE64 = new Int8Array(128).fill(-1);
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach((c, i) => (BASE64[c.charCodeAt(0)] = i));

/**
 * The original positions of generated ones (1-based lines and columns, as stack traces print them),
 * in one pass over `mappings`: lines split by ";", segments by ",", each segment 1, 4 or 5 base64
 * VLQ numbers — generated column (relative to the previous segment of the line), then source,
 * original line, original column and name (relative to the previous segment anywhere). A position
 * maps through the segment of its line with the greatest column not after it; null when its line
 * has none. Throws SourceMapError on a malformed string.
 */
export function resolvePositions(map: SourceMap, positions: { line: number; column: number }[]): (OriginalPosition | null)[] {
  const results: (OriginalPosition | null)[] = positions.map(() => null);
  const best = positions.map(() => -1);
  const byLine = new Map<number, number[]>();
  positions.forEach((p, i) => byLine.set(p.line - 1, [...(byLine.get(p.line - 1) ?? []), i]));
  const lastLine = Math.max(-1, ...byLine.keys());
  const { mappings } = map;
  let generatedLine = 0;
  let wanted = byLine.get(0);
  let column = 0;
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  let name = 0;
  const fields: number[] = [];
  for (let i = 0; i <= mappings.length && generatedLine <= lastLine; ) {
    const c = i < mappings.length ? mappings.charCodeAt(i) : 59;
    if (c === 44 || c === 59) {
      // "," ends a segment, ";" a segment and the line.
      if (fields.length >= 1) column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        originalLine += fields[2];
        originalColumn += fields[3];
        if (fields.length >= 5) name += fields[4];
        for (const k of wanted ?? []) {
          const target = Math.max(0, positions[k].column - 1);
          if (column <= target && column >= best[k]) {
            best[k] = column;
            const file = map.sources[source];
            results[k] =
              file === undefined ? null : { source: file, sourceIndex: source, line: originalLine + 1, column: originalColumn + 1, name: fields.length >= 5 ? (map.names[name] ?? null) : null };
          }
        }
      }
      fields.length = 0;
      if (c === 59) {
        generatedLine++;
        wanted = byLine.get(generatedLine);
        column = 0;
      }
      i++;
      continue;
    }
    let value = 0;
    let shift = 0;
    let digit: number;
    do {
      const code = i < mappings.length ? mappings.charCodeAt(i++) : -1;
      digit = code >= 0 && code < 128 ? BASE64[code] : -1;
      if (digit < 0) throw new SourceMapError(`mappings: invalid character at ${Math.max(0, i - 1)}`);
      value += (digit & 31) * 2 ** shift;
      shift += 5;
      if (shift > 50) throw new SourceMapError(`mappings: number too long at ${i - 1}`);
    } while (digit & 32);
    fields.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
  }
  return results;
}

/** Checks the whole `mappings` string decodes (an upload is refused now rather than failing every event later). */
export function assertMappingsValid(map: SourceMap): void {
  resolvePositions(map, [{ line: Number.MAX_SAFE_INTEGER, column: 1 }]);
}
