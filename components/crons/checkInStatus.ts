/** How each run status looks: a strip cell's colour and its word. */
export const CHECK_IN_LOOK: Record<string, { cell: string; label: string; text: string }> = {
  ok: { cell: "bg-green-500", label: "OK", text: "text-green-700 dark:text-green-400" },
  in_progress: { cell: "bg-blue-400", label: "In progress", text: "text-blue-700 dark:text-blue-400" },
  error: { cell: "bg-red-500", label: "Error", text: "text-red-700 dark:text-red-400" },
  missed: { cell: "bg-amber-400", label: "Missed", text: "text-amber-700 dark:text-amber-400" },
  timeout: { cell: "bg-orange-500", label: "Timed out", text: "text-orange-700 dark:text-orange-400" },
};

export const MONITOR_STATUS_BADGE: Record<string, string> = {
  ok: "bg-green-100 text-green-800 dark:bg-green-900/40 dark:text-green-300",
  failing: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-300",
  pending: "bg-gray-100 text-gray-700 dark:bg-gray-800 dark:text-gray-300",
};

export function checkInLook(status: string) {
  return CHECK_IN_LOOK[status] ?? { cell: "bg-gray-300", label: status, text: "text-gray-600" };
}

/** 850 ms, 12.3 s, 4 min 05 s, 2 h 10 min. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${String(Math.floor((ms % 60_000) / 1000)).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
