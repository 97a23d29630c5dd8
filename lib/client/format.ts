// Fixed locale so numbers look the same for every viewer and in tests.
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 2 });

export const formatCount = (n: number) => integer.format(n);
export const formatNumber = (n: number) => decimal.format(n);
export const formatMoney = (n: number) => money.format(n);

/** `n` is already a percentage (0–100); null (no denominator) shows as a dash. */
export const formatPercent = (n: number | null) => (n === null ? "—" : `${decimal.format(n)}%`);

/** Seconds as "850 ms", "42 s", "3.5 min", "2.1 h"; "—" for none (null) or nothing. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return "—";
  if (seconds < 1) return `${integer.format(seconds * 1000)} ms`;
  if (seconds < 90) return `${decimal.format(seconds)} s`;
  if (seconds < 5400) return `${decimal.format(seconds / 60)} min`;
  return `${decimal.format(seconds / 3600)} h`;
}

/** "1 event", "3 events" (the count formatted). */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${integer.format(n)} ${n === 1 ? singular : plural}`;
}

const BYTE_UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

/** Bytes as "812 B", "4.2 MB", "1.3 GB" (binary multiples). */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return "—";
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = value >= 100 || unit === 0 ? integer.format(value) : decimal.format(Math.round(value * 10) / 10);
  return `${bytes < 0 ? "−" : ""}${text} ${BYTE_UNITS[unit]}`;
}
