import { z } from "zod";
import { normalizeDebugId } from "@/lib/sourcemaps/debugId";
import { buildMappingsIndex, lookupSegment, MappingsError, type MappingsIndex } from "@/lib/sourcemaps/mappingsIndex";

/**
 * A source map (v3, as bundlers write them: esbuild, webpack, Vite/Rollup, tsc, terser) reduced to
 * what mapping a stack frame needs. Index maps (`sections`) are not read. `mappings` stays a
 * string with a compact index beside it (lib/sourcemaps/mappingsIndex.ts), so a large single-line
 * bundle's map never becomes millions of objects in memory.
 */
export interface SourceMap {
  sources: string[];
  sourcesContent: (string | null)[];
  names: string[];
  mappings: string;
  /** The debug ID a bundler wrote into the map (`debugId`, or `debug_id` as older tools name it), normalised; null without one. */
  debugId: string | null;
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
  debugId: z.unknown().optional(),
  debug_id: z.unknown().optional(),
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
    debugId: debugIdOf(parsed.data.debugId ?? parsed.data.debug_id),
  };
}

function debugIdOf(value: unknown): string | null {
  return typeof value === "string" ? normalizeDebugId(value) : null;
}

const indexes = new WeakMap<SourceMap, MappingsIndex>();

/** The map's mappings index, built on first use and kept as long as the map is (a cached map answers every later event in microseconds). */
function indexOf(map: SourceMap): MappingsIndex {
  let index = indexes.get(map);
  if (!index) {
    try {
      index = buildMappingsIndex(map.mappings);
    } catch (error) {
      if (error instanceof MappingsError) throw new SourceMapError(error.message);
      throw error;
    }
    indexes.set(map, index);
  }
  return index;
}

/**
 * The original positions of generated ones (1-based lines and columns, as stack traces print them):
 * each maps through the segment of its line with the greatest column not after it (see
 * lib/sourcemaps/mappingsIndex.ts); null when its line has none or that segment names no source.
 * Throws SourceMapError on a malformed `mappings` string.
 */
export function resolvePositions(map: SourceMap, positions: { line: number; column: number }[]): (OriginalPosition | null)[] {
  const index = indexOf(map);
  return positions.map(({ line, column }) => {
    const segment = lookupSegment(map.mappings, index, line - 1, Math.max(0, column - 1));
    const file = segment ? map.sources[segment.source] : undefined;
    if (!segment || file === undefined) return null;
    return { source: file, sourceIndex: segment.source, line: segment.originalLine + 1, column: segment.originalColumn + 1, name: segment.name >= 0 ? (map.names[segment.name] ?? null) : null };
  });
}

/** Checks the whole `mappings` string decodes (an upload is refused now rather than failing every event later). */
export function assertMappingsValid(map: SourceMap): void {
  indexOf(map);
}

/** A map parsed and its mappings checked (their index built, once): what an upload stores and what a lookup reads. Throws SourceMapError. */
export function parseValidSourceMap(text: string): SourceMap {
  const map = parseSourceMap(text);
  assertMappingsValid(map);
  return map;
}
