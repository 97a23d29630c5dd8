/**
 * A page's dynamic path segment as the user meant it: Next hands pages the segment still
 * percent-encoded ("shop%401.2.0") where route handlers get it decoded. A malformed escape is kept
 * as it is.
 */
export function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
