import type { ReactNode } from "react";

/** Name / value rows (headers, user fields, contexts); long values wrap instead of widening the page. */
export function KeyValueTable({ rows, testId }: { rows: [string, ReactNode][]; testId?: string }) {
  if (rows.length === 0) return <p className="text-sm text-gray-500 dark:text-gray-400">None.</p>;
  return (
    <table className="w-full table-fixed text-sm" data-testid={testId}>
      <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
        {rows.map(([key, value], i) => (
          <tr key={`${key}-${i}`}>
            <th scope="row" className="w-1/3 py-1.5 pr-3 text-left align-top font-mono text-xs font-normal break-words text-gray-500 sm:w-48 dark:text-gray-400">
              {key}
            </th>
            <td className="py-1.5 align-top font-mono text-xs break-words whitespace-pre-wrap text-gray-900 dark:text-gray-100">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Any JSON value as display text. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2);
}
