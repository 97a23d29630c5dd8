"use client";

import { input } from "@/components/ui/buttonStyles";

export interface AssigneeOption {
  type: "user" | "team";
  id: string;
  label: string;
}

/** Teams (`team:<id>`) and people (their user id) in one select, teams first. */
export function AssigneeSelect({
  value,
  options,
  onChange,
  label,
  emptyLabel,
  disabled,
}: {
  value: string;
  options: AssigneeOption[];
  onChange: (value: string) => void;
  label: string;
  emptyLabel?: string;
  disabled?: boolean;
}) {
  const teams = options.filter((o) => o.type === "team");
  const people = options.filter((o) => o.type === "user");
  return (
    <select aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} className={`${input} min-w-0 flex-1 py-1`}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {teams.length > 0 && (
        <optgroup label="Teams">
          {teams.map((o) => (
            <option key={o.id} value={`team:${o.id}`}>
              {o.label}
            </option>
          ))}
        </optgroup>
      )}
      {people.length > 0 && (
        <optgroup label="People">
          {people.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}

export function assigneeValue(target: { type: "user" | "team"; id: string }): string {
  return target.type === "team" ? `team:${target.id}` : target.id;
}

export function parseAssigneeValue(value: string): { type: "user" | "team"; id: string } | null {
  if (!value) return null;
  return value.startsWith("team:") ? { type: "team", id: value.slice(5) } : { type: "user", id: value };
}
