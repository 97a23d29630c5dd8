/**
 * Splits a "path:line[:col]" location from the right, without regexes, so that colons
 * inside the path (URLs, Windows drive letters, "node:internal/...") are kept.
 */
export interface Location {
  path: string;
  lineno?: number;
  colno?: number;
}

const DIGITS = /^\d{1,9}$/;

export function isDigits(s: string): boolean {
  return DIGITS.test(s);
}

/** Parses "path:line:col" (requireColumn) or "path:line[:col]". Returns null when no line number. */
export function splitLocation(text: string, requireColumn: boolean): Location | null {
  const last = text.lastIndexOf(":");
  if (last <= 0) return null;
  const tail = text.slice(last + 1);
  if (!isDigits(tail)) return null;
  const head = text.slice(0, last);
  const prev = head.lastIndexOf(":");
  if (prev > 0 && isDigits(head.slice(prev + 1))) {
    return { path: head.slice(0, prev), lineno: Number(head.slice(prev + 1)), colno: Number(tail) };
  }
  if (requireColumn) return null;
  return { path: head, lineno: Number(tail) };
}

/** Last path segment, for both "/" and "\" separators. */
export function basename(path: string): string {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return cut >= 0 ? path.slice(cut + 1) : path;
}

const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/]|\\\\|[A-Za-z][\w+.-]{0,30}:\/\/)/;

/** True for "/x", "C:\x", "\\server\x" and "scheme://x" paths. */
export function isAbsolutePath(path: string): boolean {
  return ABSOLUTE.test(path);
}

/**
 * filename keeps the path as the runtime printed it (useful in the UI); absPath is set
 * too when that path is absolute. Grouping later reduces either to a basename.
 */
export function pathFields(path: string): { filename?: string; absPath?: string } {
  if (!path) return {};
  return isAbsolutePath(path) ? { filename: path, absPath: path } : { filename: path };
}
