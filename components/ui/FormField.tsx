import type { ReactNode } from "react";

/** A labelled form control with an optional hint and a field error (announced, and tied to the control). */
export function FormField({ label, hint, error, children }: { label: string; hint?: ReactNode; error?: string | null; children: ReactNode }) {
  return (
    <label className="block text-sm">
      <span className="font-medium text-gray-700 dark:text-gray-300">{label}</span>
      <div className="mt-1">{children}</div>
      {hint && !error && <span className="mt-1 block text-xs text-gray-500 dark:text-gray-400">{hint}</span>}
      {error && (
        <span role="alert" className="mt-1 block text-xs text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </label>
  );
}
