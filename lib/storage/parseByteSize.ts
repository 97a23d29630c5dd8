const UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** "50GB", "1.5 TiB", "750m", "1048576" → bytes (binary multiples); null when not a size. */
export function parseByteSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?\s*$/i.exec(text);
  if (!match) return null;
  const bytes = Number(match[1]) * UNITS[(match[2] || "b").toLowerCase()];
  return Number.isFinite(bytes) && bytes > 0 ? Math.floor(bytes) : null;
}
