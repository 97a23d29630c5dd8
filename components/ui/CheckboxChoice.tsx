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
          <ListCheckbox key={o.value} item={o.value} chosen={value} onChange={onChange}>
            {o.label}
          </ListCheckbox>
        ))}
      </div>
    </fieldset>
  );
}

/** One labelled checkbox that puts `item` into the `chosen` list, or takes it out. */
export function ListCheckbox<T extends string>({
  item,
  chosen,
  onChange,
  disabled,
  ariaLabel,
  children,
}: {
  item: T;
  chosen: T[];
  onChange: (next: T[]) => void;
  disabled?: boolean;
  /** When the visible label alone does not say what ticking does. */
  ariaLabel?: string;
  children: ReactNode;
}) {
  return (
    <label className="flex items-center gap-1.5 text-gray-700 dark:text-gray-300">
      <input
        type="checkbox"
        checked={chosen.includes(item)}
        disabled={disabled}
        aria-label={ariaLabel}
        onChange={(e) => onChange(e.target.checked ? [...chosen, item] : chosen.filter((x) => x !== item))}
        className={checkboxClass}
      />
      {children}
    </label>
  );
}
