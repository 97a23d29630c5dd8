"use client";

import { ALL_STAGES } from "@/lib/alerts/channels/channelRouting";
import { SEVERITIES_DESC, type Severity } from "@/lib/domain/severity";
import type { EscalationStage } from "@/lib/generated/prisma/enums";

export type ProjectOption = { id: string; name: string };

const box = "h-4 w-4 rounded border-gray-300 text-blue-600 dark:border-gray-600 dark:bg-gray-800";
const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

/** Which alert severities a channel receives. */
export function SeverityChoice({ value, onChange }: { value: Severity[]; onChange: (next: Severity[]) => void }) {
  return (
    <fieldset className="text-sm">
      <legend className="text-gray-700 dark:text-gray-300">Severities</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {SEVERITIES_DESC.map((s) => (
          <label key={s} className="flex items-center gap-1.5 text-gray-700 dark:text-gray-300">
            <input type="checkbox" checked={value.includes(s)} onChange={(e) => onChange(toggle(value, s, e.target.checked))} className={box} />
            {s}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export const STAGE_LABELS: Record<EscalationStage, string> = { initial: "when it fires", escalate: "escalated", final: "final escalation" };

/** At which escalation stages a channel is told (e.g. a pager only once nobody acknowledged). */
export function StageChoice({ value, onChange }: { value: EscalationStage[]; onChange: (next: EscalationStage[]) => void }) {
  return (
    <fieldset className="text-sm">
      <legend className="text-gray-700 dark:text-gray-300">Stages</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {ALL_STAGES.map((s) => (
          <label key={s} className="flex items-center gap-1.5 text-gray-700 dark:text-gray-300">
            <input type="checkbox" checked={value.includes(s)} onChange={(e) => onChange(toggle(value, s, e.target.checked))} className={box} />
            {STAGE_LABELS[s]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Which projects' alerts a channel receives (none chosen: every project's); shown only when there are several. */
export function ProjectChoice({ projects, value, onChange }: { projects: ProjectOption[]; value: string[]; onChange: (next: string[]) => void }) {
  if (projects.length < 2 && value.length === 0) return null;
  return (
    <fieldset className="text-sm">
      <legend className="text-gray-700 dark:text-gray-300">Projects {value.length === 0 && <span className="text-gray-500">(none chosen: every project&apos;s alerts)</span>}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {projects.map((p) => (
          <label key={p.id} className="flex items-center gap-1.5 text-gray-700 dark:text-gray-300">
            <input type="checkbox" checked={value.includes(p.id)} onChange={(e) => onChange(toggle(value, p.id, e.target.checked))} className={box} />
            {p.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
