"use client";

import { useState, type FormEvent } from "react";
import { ChannelDestination, configFor } from "@/components/settings/ChannelDestination";
import { namesAnyone } from "@/components/settings/ChannelMembersPicker";
import { ProjectChoice, SeverityChoice, StageChoice, type ProjectOption } from "@/components/settings/ChannelRoutingFields";
import { button, input } from "@/components/ui/buttonStyles";
import type { MembersConfig } from "@/lib/alerts/channels/channelConfigSchemas";
import { ALL_STAGES, DEFAULT_SEVERITIES } from "@/lib/alerts/channels/channelRouting";
import type { EscalationStage } from "@/lib/generated/prisma/enums";
import { CHANNEL_KIND_LABELS, CHANNEL_KINDS } from "@/lib/alerts/channels/channelSchemas";
import type { Severity } from "@/lib/domain/severity";
import { useCreateChannelMutation, type NewChannel } from "@/lib/client/hooks/useChannelsQuery";

type Kind = NewChannel["kind"];

/** Adds a channel (admins): its kind, a name, where it sends, which severities and (of several) which projects' alerts it receives. */
export function CreateChannelForm({ workspaceId, projects }: { workspaceId: string; projects: ProjectOption[] }) {
  const create = useCreateChannelMutation(workspaceId);
  const [kind, setKind] = useState<Kind>("webhook");
  const [name, setName] = useState("");
  const [targetValue, setTargetValue] = useState("");
  const [severities, setSeverities] = useState<Severity[]>(DEFAULT_SEVERITIES.webhook);
  const [people, setPeople] = useState<MembersConfig>({ assignee: true });
  const [projectIds, setProjectIds] = useState<string[]>([]);
  const [stages, setStages] = useState<EscalationStage[]>(ALL_STAGES);
  const [revealed, setRevealed] = useState<{ name: string; signingSecret: string } | null>(null);
  const hasTarget = kind === "members" ? namesAnyone(people) : targetValue.trim() !== "";

  function changeKind(next: Kind) {
    setKind(next);
    setSeverities(DEFAULT_SEVERITIES[next]);
    setTargetValue("");
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { kind, name: name.trim(), severities, stages, projectIds, config: kind === "members" ? people : configFor(kind, targetValue) },
      {
        onSuccess: (channel) => {
          setName("");
          setTargetValue("");
          setRevealed(channel.signingSecret ? { name: channel.name, signingSecret: channel.signingSecret } : null);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} aria-label="New channel" className="space-y-3 rounded-md bg-gray-50 p-3 ring-1 ring-gray-200 dark:bg-gray-950 dark:ring-gray-800">
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <label className="block text-sm">
          <span className="text-gray-700 dark:text-gray-300">Channel type</span>
          <select value={kind} onChange={(e) => changeKind(e.target.value as Kind)} className={`${input} mt-1 w-full`}>
            {CHANNEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {CHANNEL_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="text-gray-700 dark:text-gray-300">Channel name</span>
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} placeholder={kind === "members" ? "e.g. on-call people" : "e.g. on-call webhook"} className={`${input} mt-1 w-full`} />
        </label>
      </div>
      <ChannelDestination kind={kind} workspaceId={workspaceId} target={targetValue} onTargetChange={setTargetValue} people={people} onPeopleChange={setPeople} />
      <SeverityChoice value={severities} onChange={setSeverities} />
      <StageChoice value={stages} onChange={setStages} />
      <ProjectChoice projects={projects} value={projectIds} onChange={setProjectIds} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={create.isPending || !name.trim() || !hasTarget || severities.length === 0 || stages.length === 0} className={button.primary}>
          {create.isPending ? "Adding…" : "Add channel"}
        </button>
        {(severities.length === 0 || stages.length === 0) && <span className="text-xs text-gray-500 dark:text-gray-400">Pick at least one severity and one stage.</span>}
      </div>
      {revealed && (
        <div data-testid="signing-secret" className="rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200 dark:bg-amber-950 dark:ring-amber-900">
          <p className="text-amber-900 dark:text-amber-200">
            Signing secret of “{revealed.name}” — shown once. Requests carry <code>X-Faultline-Signature: t=…,v1=HMAC-SHA256(secret, &quot;t.body&quot;)</code>.
          </p>
          <code className="mt-1 block break-all font-mono text-xs text-gray-900 dark:text-gray-100">{revealed.signingSecret}</code>
        </div>
      )}
      {create.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Channel not added: {create.error.message}
        </p>
      )}
    </form>
  );
}
