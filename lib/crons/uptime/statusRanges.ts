/** An inclusive range of HTTP status codes. */
export interface StatusRange {
  from: number;
  to: number;
}

/**
 * Reads the status codes an uptime check expects: codes and ranges, comma- or space-separated
 * ("200-299, 301", "2xx 3xx", "204"). Undefined when any part is not one (or outside 100–599).
 */
export function parseStatusRanges(text: string): StatusRange[] | undefined {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  const ranges: StatusRange[] = [];
  for (const part of parts) {
    const family = /^([1-5])xx$/i.exec(part);
    const range = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
    if (family) ranges.push({ from: Number(family[1]) * 100, to: Number(family[1]) * 100 + 99 });
    else if (range) ranges.push({ from: Number(range[1]), to: Number(range[2] ?? range[1]) });
    else return undefined;
    const last = ranges.at(-1)!;
    if (last.from < 100 || last.to > 599 || last.from > last.to) return undefined;
  }
  return ranges;
}

export function statusExpected(status: number, ranges: readonly StatusRange[]): boolean {
  return ranges.some((r) => status >= r.from && status <= r.to);
}
