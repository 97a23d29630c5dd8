"use client";

import type { ReactNode } from "react";

export const checkboxClass = "h-4 w-4 rounded border-gray-300 text-blue-600 dark:border-gray-600 dark:bg-gray-800";

/** A fieldset of checkboxes that picks any of `options` (severities, stages, projects…); `value` is what is checked. */
export function CheckboxChoice<T extends string>({
  legend,
  options,
  value,
  onChange,
}: {
  legend: ReactNode;
  options: readonly { value: T; label: ReactNode }[];
  value: T[];
  onChange: (next: T[]) => void;
}) {
  return (
    <fieldset className="text-sm">
      <legend className="text-gray-700 dark:text-gray-300">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-1.5 text-gray-700 dark:text-gray-300">
            <input
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))}
              className={checkboxClass}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
