"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { AssigneeSelect, assigneeValue, parseAssigneeValue, type AssigneeOption } from "@/components/teams/AssigneeSelect";
import { button, input } from "@/components/ui/buttonStyles";
import { useSubmit } from "@/components/ui/useSubmit";
import { CONDITION_FIELDS, type Condition, type ConditionField } from "@/lib/assignment/assignmentSchemas";

const PLACEHOLDERS: Record<ConditionField, string> = {
  project: "shop-*",
  category: "payment",
  severity: "critical",
  type: "*TimeoutError",
  message: "*connection refused*",
  tag: "component=checkout",
  path: "src/billing/**",
  module: "app.billing.*",
};

export interface RuleDraft {
  name: string;
  conditions: Condition[];
  assignee: { type: "user" | "team"; id: string };
}

/** A rule: a name, conditions that must all hold (globs over the whole value) and who gets the issue. */
export function RuleForm({
  options,
  initial,
  onSubmit,
  onCancel,
  onTest,
}: {
  options: AssigneeOption[];
  /** An existing rule to edit; a new one otherwise. */
  initial?: RuleDraft;
  onSubmit: (rule: RuleDraft) => Promise<void>;
  onCancel: () => void;
  onTest: (conditions: Condition[]) => void;
}) {
  const [name, setName] = useState(initial?.name ?? "");
  const [conditions, setConditions] = useState<Condition[]>(initial?.conditions.length ? initial.conditions : [{ field: "path", pattern: "" }]);
  const [assignee, setAssignee] = useState(initial ? assigneeValue(initial.assignee) : options[0] ? assigneeValue(options[0]) : "");
  const { busy, error, setError, run } = useSubmit();
  const update = (i: number, patch: Partial<Condition>) => setConditions((list) => list.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const filled = conditions.filter((c) => c.pattern.trim());

  function submit(event: FormEvent) {
    event.preventDefault();
    const target = parseAssigneeValue(assignee);
    if (!target) return setError("pick a team or a person");
    void run(() => onSubmit({ name, conditions: filled, assignee: target }), "could not save the rule");
  }

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg bg-gray-50 p-3 ring-1 ring-gray-200 dark:bg-gray-950 dark:ring-gray-800" aria-label={initial ? `Edit rule ${initial.name}` : "New assignment rule"}>
      <label className="block text-sm">
        <span className="font-medium text-gray-700 dark:text-gray-300">Rule name</span>
        <input required value={name} onChange={(e) => setName(e.target.value)} className={`${input} mt-1 w-full`} />
      </label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-700 dark:text-gray-300">When all of these match</legend>
        {conditions.map((c, i) => (
          <div key={i} className="flex gap-2">
            <select aria-label={`Condition ${i + 1} field`} value={c.field} onChange={(e) => update(i, { field: e.target.value as ConditionField })} className={`${input} py-1`}>
              {CONDITION_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {f === "path" ? "frame path" : f === "module" ? "frame module" : f}
                </option>
              ))}
            </select>
            <input
              aria-label={`Condition ${i + 1} pattern`}
              value={c.pattern}
              placeholder={PLACEHOLDERS[c.field]}
              onChange={(e) => update(i, { pattern: e.target.value })}
              className={`${input} min-w-0 flex-1 py-1 font-mono text-xs`}
            />
            <button type="button" aria-label={`Remove condition ${i + 1}`} className={button.ghost} onClick={() => setConditions((list) => list.filter((_, j) => j !== i))}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className={button.ghost} onClick={() => setConditions((list) => [...list, { field: "category", pattern: "" }])}>
          + condition
        </button>
        <p className="text-xs text-gray-500 dark:text-gray-400">Globs: * any text, ? one character; in paths ** crosses folders. No condition: every issue.</p>
      </fieldset>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-gray-700 dark:text-gray-300">Assign to</span>
        <AssigneeSelect label="Assign to" value={assignee} options={options} onChange={setAssignee} />
      </div>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={busy} className={button.primary}>
          {busy ? "Saving…" : initial ? "Save rule" : "Add rule"}
        </button>
        <button type="button" className={button.secondary} onClick={() => onTest(filled)}>
          Test this rule
        </button>
        <button type="button" className={button.ghost} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
