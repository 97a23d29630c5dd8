"use client";

import { useState, type FormEvent } from "react";
import { ChannelDestination, configFor } from "@/components/settings/ChannelDestination";
import { namesAnyone } from "@/components/settings/ChannelMembersPicker";
import { ProjectChoice, SeverityChoice, StageChoice, type ProjectOption } from "@/components/settings/ChannelRoutingFields";
import { button, input } from "@/components/ui/buttonStyles";
import { checkboxClass } from "@/components/ui/CheckboxChoice";
import type { MembersConfig } from "@/lib/alerts/channels/channelConfigSchemas";
import type { ChannelDto } from "@/lib/alerts/channels/channelDto";
import { useUpdateChannelMutation } from "@/lib/client/hooks/useChannelsQuery";
import type { Severity } from "@/lib/domain/severity";
import type { EscalationStage } from "@/lib/generated/prisma/enums";

/**
 * Edits a channel in place (admins): name, on/off, severities, projects, and where it sends — an
 * email channel's addresses or a members channel's people as they are; a URL or routing key, which
 * is shown masked, only when a new one is typed (empty keeps it).
 */
export function EditChannelForm({ channel, projects, onDone }: { channel: ChannelDto; projects: ProjectOption[]; onDone: () => void }) {
  const update = useUpdateChannelMutation(channel.workspaceId);
  const config = channel.config as Record<string, unknown>;
  const [name, setName] = useState(channel.name);
  const [enabled, setEnabled] = useState(channel.enabled);
  const [severities, setSeverities] = useState<Severity[]>(channel.severities);
  const [projectIds, setProjectIds] = useState<string[]>(channel.projectIds);
  const [stages, setStages] = useState<EscalationStage[]>(channel.stages);
  const [people, setPeople] = useState<MembersConfig>(channel.kind === "members" ? (config as MembersConfig) : {});
  const [targetValue, setTargetValue] = useState(channel.kind === "email" && Array.isArray(config.to) ? config.to.join(", ") : "");
  const masked = typeof config.url === "string" ? config.url : typeof config.routingKey === "string" ? config.routingKey : "";

  function submit(e: FormEvent) {
    e.preventDefault();
    const newConfig = channel.kind === "members" ? people : targetValue.trim() ? configFor(channel.kind, targetValue) : undefined;
    update.mutate({ channelId: channel.id, patch: { name: name.trim(), enabled, severities, stages, projectIds, ...(newConfig && { config: newConfig }) } }, { onSuccess: onDone });
  }

  const valid = name.trim() !== "" && severities.length > 0 && stages.length > 0 && (channel.kind !== "members" || namesAnyone(people)) && (channel.kind !== "email" || targetValue.trim() !== "");
  return (
    <form onSubmit={submit} aria-label={`Edit channel ${channel.name}`} className="w-full space-y-3 rounded-md bg-gray-50 p-3 ring-1 ring-gray-200 dark:bg-gray-950 dark:ring-gray-800">
      <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-end">
        <label className="block text-sm">
          <span className="text-gray-700 dark:text-gray-300">Channel name</span>
          <input required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} className={`${input} mt-1 w-full`} />
        </label>
        <label className="flex items-center gap-1.5 pb-2 text-sm text-gray-700 dark:text-gray-300">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className={checkboxClass} />
          Enabled
        </label>
      </div>
      <ChannelDestination
        kind={channel.kind}
        workspaceId={channel.workspaceId}
        target={targetValue}
        onTargetChange={setTargetValue}
        people={people}
        onPeopleChange={setPeople}
        masked={masked}
      />
      <SeverityChoice value={severities} onChange={setSeverities} />
      <StageChoice value={stages} onChange={setStages} />
      <ProjectChoice projects={projects} value={projectIds} onChange={setProjectIds} />
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" disabled={update.isPending || !valid} className={button.primary}>
          {update.isPending ? "Saving…" : "Save channel"}
        </button>
        <button type="button" onClick={onDone} className={button.secondary}>
          Cancel
        </button>
      </div>
      {update.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Channel not saved: {update.error.message}
        </p>
      )}
    </form>
  );
}
