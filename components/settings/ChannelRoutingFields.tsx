"use client";

import { CheckboxChoice } from "@/components/ui/CheckboxChoice";
import { ALL_STAGES } from "@/lib/alerts/channels/channelRouting";
import { SEVERITIES_DESC, type Severity } from "@/lib/domain/severity";
import type { EscalationStage } from "@/lib/generated/prisma/enums";

export type ProjectOption = { id: string; name: string };

/** The names of a channel's or a rule's projects (an id of a project deleted since reads "a deleted project"). */
export function projectNames(projectIds: string[], projects: ProjectOption[]): string[] {
  return projectIds.map((id) => projects.find((p) => p.id === id)?.name ?? "a deleted project");
}

const SEVERITY_OPTIONS = SEVERITIES_DESC.map((s) => ({ value: s, label: s }));

/** Which alert severities a channel receives. */
export function SeverityChoice({ value, onChange }: { value: Severity[]; onChange: (next: Severity[]) => void }) {
  return <CheckboxChoice legend="Severities" options={SEVERITY_OPTIONS} value={value} onChange={onChange} />;
}

export const STAGE_LABELS: Record<EscalationStage, string> = { initial: "when it fires", escalate: "escalated", final: "final escalation" };
const STAGE_OPTIONS = ALL_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }));

/** At which escalation stages a channel is told (e.g. a pager only once nobody acknowledged). */
export function StageChoice({ value, onChange }: { value: EscalationStage[]; onChange: (next: EscalationStage[]) => void }) {
  return <CheckboxChoice legend="Stages" options={STAGE_OPTIONS} value={value} onChange={onChange} />;
}

/** Which projects' alerts a channel receives (none chosen: every project's); shown only when there are several. */
export function ProjectChoice({ projects, value, onChange }: { projects: ProjectOption[]; value: string[]; onChange: (next: string[]) => void }) {
  if (projects.length < 2 && value.length === 0) return null;
  return (
    <CheckboxChoice
      legend={<>Projects {value.length === 0 && <span className="text-gray-500 dark:text-gray-400">(none chosen: every project&apos;s alerts)</span>}</>}
      options={projects.map((p) => ({ value: p.id, label: p.name }))}
      value={value}
      onChange={onChange}
    />
  );
}
