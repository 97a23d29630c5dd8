import type { ReactNode } from "react";

interface StatCardProps {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  testId?: string;
  tone?: "default" | "danger";
}

export function StatCard({ label, value, hint, testId, tone = "default" }: StatCardProps) {
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800">
      <dt className="text-xs font-medium leading-tight uppercase tracking-wide text-gray-500 dark:text-gray-400">{label}</dt>
      <dd
        data-testid={testId}
        className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "danger" ? "text-red-600 dark:text-red-400" : "text-gray-900 dark:text-gray-100"}`}
      >
        {value}
      </dd>
      {hint && <dd className="mt-1 truncate text-xs text-gray-500 dark:text-gray-400">{hint}</dd>}
    </div>
  );
}
