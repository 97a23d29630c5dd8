/**
 * Random access into a source map's `mappings` string. The string is a chain of deltas (base64 VLQ:
 * generated column relative to the previous segment of its line, source / original line / original
 * column / name relative to the previous segment anywhere), so answering "where did line 1, column
 * 48,213 come from" means decoding from the start — for a 2 MB single-line bundle's map ≈ 50 ms,
 * too much for every event at ingest. The index is built in that one pass and keeps the decoder's
 * state every CHECKPOINT_EVERY segments, and at a line start once LINE_CHECKPOINT_CHARS characters
 * have passed since the last one (in typed arrays); a lookup then decodes at most about that much.
 * Its size is bounded by the string's, whatever its shape: a hostile map of millions of empty or
 * one-segment lines gets a checkpoint per 64 segments or 256 characters, not one per line.
 */

/** Segments between two checkpoints. */
const CHECKPOINT_EVERY = 64;
/** Characters after which a line start gets a checkpoint (maps of many short lines: one line per source line). */
const LINE_CHECKPOINT_CHARS = 256;
/** Numbers kept per checkpoint: offset, line, column, source, original line, original column, name, and the fields of the segment before it (-1 at a line start). */
const STRIDE = 8;

export class MappingsError extends Error {}

export interface MappingsIndex {
  /** STRIDE numbers per checkpoint (see STRIDE), in the order of the string. */
  checkpoints: Int32Array;
  count: number;
  /** Every line's segments are in increasing generated column (as bundlers write them): a lookup stops at the first past its column. */
  sorted: boolean;
}

/** A generated position's segment: 0-based original line and column, source and name indexes (name -1 when the segment has none). */
export interface MappedSegment {
  source: number;
  originalLine: number;
  originalColumn: number;
  name: number;
}

const BASE64 = new Int8Array(128).fill(-1);
const FIELDS = [0, 0, 0, 0, 0];
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach((c, i) => (BASE64[c.charCodeAt(0)] = i));

/** The decoder's state between segments: where it is in the string and the running values. */
interface Cursor {
  at: number;
  line: number;
  column: number;
  source: number;
  originalLine: number;
  originalColumn: number;
  name: number;
  /** Fields of the segment just read (1, 4 or 5), -1 at a line start. */
  fields: number;
}

/**
 * Reads the next segment after `c.at` into `c` (deltas applied); returns false at a line's end
 * (the ";" consumed, the line advanced) or the string's end (`c.at` past it). Throws MappingsError
 * on a malformed string.
 */
function nextSegment(mappings: string, c: Cursor): boolean {
  while (c.at < mappings.length && mappings.charCodeAt(c.at) === 44) c.at++; // empty segments (",,")
  if (c.at >= mappings.length) {
    c.at = mappings.length + 1;
    return false;
  }
  if (mappings.charCodeAt(c.at) === 59) {
    c.at++;
    c.line++;
    c.column = 0;
    c.fields = -1;
    return false;
  }
  const values = FIELDS;
  let fields = 0;
  for (;;) {
    let value = 0;
    let shift = 0;
    let digit: number;
    do {
      const code = c.at < mappings.length ? mappings.charCodeAt(c.at++) : -1;
      digit = code >= 0 && code < 128 ? BASE64[code] : -1;
      if (digit < 0) throw new MappingsError(`mappings: invalid character at ${Math.max(0, c.at - 1)}`);
      value += (digit & 31) * 2 ** shift;
      shift += 5;
      if (shift > 50) throw new MappingsError(`mappings: number too long at ${c.at - 1}`);
    } while (digit & 32);
    if (fields < 5) values[fields] = value % 2 === 1 ? -Math.floor(value / 2) : value / 2;
    fields++;
    const next = c.at < mappings.length ? mappings.charCodeAt(c.at) : 59;
    if (next === 44 || next === 59) break;
  }
  // 1, 4 or 5 fields; a segment of 2 or 3 (not in the spec) only moves the column.
  c.column += values[0];
  if (fields >= 4) {
    c.source += values[1];
    c.originalLine += values[2];
    c.originalColumn += values[3];
    if (fields >= 5) c.name += values[4];
  }
  c.fields = fields;
  return true;
}

/** Builds the index in one pass over `mappings`; throws MappingsError when the string is malformed. */
export function buildMappingsIndex(mappings: string): MappingsIndex {
  let checkpoints = new Int32Array(STRIDE * 1024);
  let count = 0;
  let sorted = true;
  const c: Cursor = { at: 0, line: 0, column: 0, source: 0, originalLine: 0, originalColumn: 0, name: 0, fields: -1 };
  let segments = 0;
  let keptAt = 0;
  const keep = () => {
    if ((count + 1) * STRIDE > checkpoints.length) {
      const grown = new Int32Array(checkpoints.length * 2);
      grown.set(checkpoints);
      checkpoints = grown;
    }
    checkpoints.set([c.at, c.line, c.column, c.source, c.originalLine, c.originalColumn, c.name, c.fields], count * STRIDE);
    count++;
    segments = 0;
    keptAt = c.at;
  };
  keep();
  let previousColumn = -1;
  for (;;) {
    const segment = nextSegment(mappings, c);
    if (c.at > mappings.length) break;
    if (segment) {
      if (c.column < previousColumn) sorted = false;
      previousColumn = c.column;
      if (++segments >= CHECKPOINT_EVERY) keep();
    } else {
      previousColumn = -1;
      if (c.at - keptAt >= LINE_CHECKPOINT_CHARS) keep();
    }
  }
  return { checkpoints: checkpoints.slice(0, count * STRIDE), count, sorted };
}

/**
 * The segment a generated position (0-based line and column) maps through: the one of its line with
 * the greatest column not after it (the later one on a tie); null when the line has none before
 * the column or that segment names no source.
 */
export function lookupSegment(mappings: string, index: MappingsIndex, line: number, column: number): MappedSegment | null {
  const { checkpoints, count } = index;
  // The last checkpoint at or before the position: of an earlier line, or of this line before the
  // column (at its start when the line's segments are out of order).
  let low = 0;
  let high = count - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = mid * STRIDE;
    const l = checkpoints[at + 1];
    const before = l < line || (l === line && (index.sorted ? checkpoints[at + 2] <= column : checkpoints[at + 7] === -1));
    if (before) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const base = found * STRIDE;
  const c: Cursor = {
    at: checkpoints[base],
    line: checkpoints[base + 1],
    column: checkpoints[base + 2],
    source: checkpoints[base + 3],
    originalLine: checkpoints[base + 4],
    originalColumn: checkpoints[base + 5],
    name: checkpoints[base + 6],
    fields: checkpoints[base + 7],
  };
  // On to the line (a checkpoint of an earlier one is at most CHECKPOINT_EVERY segments or LINE_CHECKPOINT_CHARS behind).
  while (c.line < line) {
    if (!nextSegment(mappings, c) && c.at > mappings.length) return null;
  }
  if (c.line !== line) return null;
  // A mid-line checkpoint's state is the segment before it: the answer unless a later one fits better.
  let best = c.fields >= 1 ? segmentOf(c) : null;
  let bestColumn = best ? c.column : -1;
  while (nextSegment(mappings, c)) {
    if (c.column > column) {
      if (index.sorted) break;
      continue;
    }
    if (c.column >= bestColumn) {
      best = segmentOf(c);
      bestColumn = c.column;
    }
  }
  // A 1-field segment marks generated code that maps to nothing (as source-map libraries read it).
  return best && best.source >= 0 ? best : null;
}

function segmentOf(c: Cursor): MappedSegment {
  return { source: c.fields >= 4 ? c.source : -1, originalLine: c.originalLine, originalColumn: c.originalColumn, name: c.fields >= 5 ? c.name : -1 };
}
