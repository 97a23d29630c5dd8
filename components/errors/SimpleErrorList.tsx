"use client";

import { formatDistanceToNow } from "date-fns";
import type { ErrorSummary } from "@/lib/errors/errorDto";

export function SimpleErrorList({ items }: { items: ErrorSummary[] }) {
  if (items.length === 0) return <p className="text-sm text-gray-500">No errors yet.</p>;
  return (
    <ul className="divide-y divide-gray-200 rounded-lg bg-white shadow dark:divide-gray-800 dark:bg-gray-900">
      {items.map((e) => (
        <li key={e.errorId} className="px-4 py-3">
          <p className="font-mono text-sm">{e.type}</p>
          <p className="truncate text-sm text-gray-600 dark:text-gray-400">{e.message}</p>
          <p className="text-xs text-gray-500">
            {e.severity} · {e.status} · {e.occurrences} events · last {formatDistanceToNow(new Date(e.lastSeen))} ago
          </p>
        </li>
      ))}
    </ul>
  );
}
