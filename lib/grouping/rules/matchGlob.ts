/**
 * Grouping rules' globs, matched against the WHOLE value: `**` matches anything, `*` anything but
 * the separator ("/" for paths, "." for modules; anything at all without one), `?` one character
 * (UTF-16 code unit, the separator included); everything else is literal. Case-insensitive when
 * asked (messages), case-sensitive otherwise.
 *
 * Values come from untrusted clients (messages of any length), so no regular expression: a pattern
 * whose stars all match anything is matched piece by piece, each piece at its leftmost place after
 * the previous one (a later place never helps when the gap can hold anything), which reads the text
 * about once per piece; a pattern with separator-bound stars is run as a set of pattern positions
 * over the text, at most pattern × text steps. Neither can backtrack.
 */
export interface Glob {
  test(value: string): boolean;
}

type Token = { kind: "char"; c: string } | { kind: "one" } | { kind: "star" } | { kind: "globstar" };
type PieceToken = Extract<Token, { kind: "char" | "one" }>;

export function compileGlob(pattern: string, separator: "/" | "." | null, caseInsensitive = false): Glob {
  const fold = caseInsensitive ? foldCase : (s: string) => s;
  const tokens = tokenize(fold(pattern), separator !== null);
  if (separator === null || !tokens.some((t) => t.kind === "star")) {
    const pieces = piecesOf(tokens);
    return { test: (value) => matchPieces(pieces, fold(value)) };
  }
  return { test: (value) => matchPositions(tokens, value, separator) };
}

/** Runs of stars collapse: one that holds `**` (or any star without a separator) matches anything. */
function tokenize(pattern: string, bounded: boolean): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      let end = i;
      while (pattern[end + 1] === "*") end++;
      tokens.push({ kind: bounded && end === i ? "star" : "globstar" });
      i = end;
    } else if (c === "?") tokens.push({ kind: "one" });
    else tokens.push({ kind: "char", c });
  }
  return tokens;
}

/** Lower case per UTF-16 code unit, so `?` still stands for one unit of the folded text. */
function foldCase(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = "";
  for (const unit of s.split("")) {
    const l = unit.toLowerCase();
    out += l.length === 1 ? l : unit;
  }
  return out;
}

interface Pieces {
  /** The tokens between stars; with no star at all, one piece that must be the whole value. */
  pieces: PieceToken[][];
  starred: boolean;
}

function piecesOf(tokens: Token[]): Pieces {
  const pieces: PieceToken[][] = [[]];
  for (const t of tokens) {
    if (t.kind === "star" || t.kind === "globstar") pieces.push([]);
    else pieces[pieces.length - 1].push(t);
  }
  return { pieces, starred: pieces.length > 1 };
}

function matchesAt(piece: PieceToken[], text: string, at: number): boolean {
  for (let k = 0; k < piece.length; k++) {
    const t = piece[k];
    if (t.kind === "char" && text[at + k] !== t.c) return false;
  }
  return true;
}

/** Where `piece` first occurs in text[from, limit) (it must end by `limit`), or -1. */
function findPiece(piece: PieceToken[], text: string, from: number, limit: number): number {
  const last = limit - piece.length;
  if (piece.every((t) => t.kind === "char")) {
    const at = text.indexOf(piece.map((t) => (t as { c: string }).c).join(""), from);
    return at !== -1 && at <= last ? at : -1;
  }
  for (let at = from; at <= last; at++) if (matchesAt(piece, text, at)) return at;
  return -1;
}

function matchPieces({ pieces, starred }: Pieces, text: string): boolean {
  const first = pieces[0];
  if (!starred) return text.length === first.length && matchesAt(first, text, 0);
  const final = pieces[pieces.length - 1];
  const tailAt = text.length - final.length;
  if (tailAt < first.length || !matchesAt(first, text, 0) || !matchesAt(final, text, tailAt)) return false;
  let at = first.length;
  for (let p = 1; p < pieces.length - 1; p++) {
    const found = findPiece(pieces[p], text, at, tailAt);
    if (found === -1) return false;
    at = found + pieces[p].length;
  }
  return true;
}

/**
 * The set of pattern positions reachable after each character (a star may match nothing), kept as
 * a list: each character costs one step per position still alive, at most the pattern's length.
 */
function matchPositions(tokens: Token[], text: string, separator: string): boolean {
  const m = tokens.length;
  const isStar = (i: number) => i < m && (tokens[i].kind === "star" || tokens[i].kind === "globstar");
  // seen[i] === stamp: position i is already in the list being built for this character.
  const seen = new Int32Array(m + 1).fill(-1);
  let active: number[] = [];
  let next: number[] = [];
  const add = (list: number[], i: number, stamp: number) => {
    for (let k = i; k <= m && seen[k] !== stamp; k++) {
      seen[k] = stamp;
      list.push(k);
      if (!isStar(k)) break;
    }
  };
  add(active, 0, 0);
  for (let j = 0; j < text.length; j++) {
    const c = text[j];
    next.length = 0;
    for (const i of active) {
      if (i === m) continue;
      const t = tokens[i];
      if (t.kind === "globstar" || (t.kind === "star" && c !== separator)) add(next, i, j + 1);
      else if (t.kind === "one" || (t.kind === "char" && t.c === c)) add(next, i + 1, j + 1);
    }
    if (next.length === 0) return false;
    [active, next] = [next, active];
  }
  return active.includes(m);
}
