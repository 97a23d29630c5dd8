import type { ErrorStatus } from "@/lib/domain/errorStatus";
import type { Severity } from "@/lib/domain/severity";

/**
 * Badge colours. Severity and status never share a hue, and they differ in shape too: severity
 * badges are solid (warm scale red → orange → amber → slate), status badges are outlined (blue,
 * violet, cyan, emerald, grey; an alert's "active" in rose). So "medium" and "investigating", or
 * "low" and "resolved", can no longer be mistaken for each other.
 */
export const SEVERITY_BADGE: Record<Severity, string> = {
  critical: "bg-red-600 text-white dark:bg-red-700 dark:text-white",
  // Dark text: white on orange-500 is 2.9:1, under WCAG's 4.5:1 for small text.
  high: "bg-orange-500 text-gray-950 dark:bg-orange-500 dark:text-gray-950",
  medium: "bg-amber-300 text-amber-950 dark:bg-amber-400 dark:text-amber-950",
  low: "bg-slate-300 text-slate-800 dark:bg-slate-600 dark:text-slate-100",
};

export const STATUS_BADGE: Record<ErrorStatus | "active", string> = {
  active: "bg-rose-50 text-rose-700 ring-1 ring-inset ring-rose-400 dark:bg-transparent dark:text-rose-300 dark:ring-rose-500",
  new: "bg-blue-50 text-blue-700 ring-1 ring-inset ring-blue-400 dark:bg-transparent dark:text-blue-300 dark:ring-blue-500",
  acknowledged: "bg-violet-50 text-violet-700 ring-1 ring-inset ring-violet-400 dark:bg-transparent dark:text-violet-300 dark:ring-violet-500",
  investigating: "bg-cyan-50 text-cyan-800 ring-1 ring-inset ring-cyan-500 dark:bg-transparent dark:text-cyan-300 dark:ring-cyan-500",
  resolved: "bg-emerald-50 text-emerald-700 ring-1 ring-inset ring-emerald-500 dark:bg-transparent dark:text-emerald-300 dark:ring-emerald-500",
  ignored: "bg-white text-gray-600 ring-1 ring-inset ring-gray-300 dark:bg-transparent dark:text-gray-400 dark:ring-gray-600",
};

export const NEUTRAL_BADGE = "bg-gray-100 text-gray-700 dark:bg-gray-800 dark:text-gray-300";

/** The Tailwind colour names a class string uses (e.g. "amber"), to check the two sets stay apart. */
export function huesOf(classes: string): Set<string> {
  return new Set([...classes.matchAll(/(?:bg|text|ring)-([a-z]+)-\d{2,3}/g)].map((m) => m[1]).filter((hue) => hue !== "white"));
}
