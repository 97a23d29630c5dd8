"use client";

import { ChannelMembersPicker } from "@/components/settings/ChannelMembersPicker";
import { input } from "@/components/ui/buttonStyles";
import type { MembersConfig } from "@/lib/alerts/channels/channelConfigSchemas";
import type { NewChannel } from "@/lib/client/hooks/useChannelsQuery";

type Kind = NewChannel["kind"];
type TextKind = Exclude<Kind, "members">;

const TARGET: Record<TextKind, { label: string; placeholder: string; type: string }> = {
  webhook: { label: "Webhook URL", placeholder: "https://example.com/hooks/faultline", type: "url" },
  slack: { label: "Slack incoming-webhook URL", placeholder: "https://hooks.slack.com/services/…", type: "url" },
  email: { label: "Recipients (comma-separated)", placeholder: "oncall@example.com, team@example.com", type: "text" },
  pagerduty: { label: "PagerDuty routing key", placeholder: "Events API v2 integration key", type: "text" },
  discord: { label: "Discord webhook URL", placeholder: "https://discord.com/api/webhooks/…", type: "url" },
  teams: { label: "Teams workflow webhook URL", placeholder: "https://….logic.azure.com/workflows/… (Workflows: post to a channel when a webhook request is received)", type: "url" },
};

/** A channel's config from what was typed in its one field: addresses, a routing key or a URL. */
export function configFor(kind: TextKind, value: string): Record<string, unknown> {
  const v = value.trim();
  if (kind === "email") return { to: v.split(",").map((s) => s.trim()).filter(Boolean) };
  if (kind === "pagerduty") return { routingKey: v };
  return { url: v };
}

/**
 * Where a channel sends: the members picker of a members channel, else the one field its kind needs
 * (URL, addresses, routing key). `masked`: the stored secret as shown, kept while the field is empty.
 */
export function ChannelDestination({
  kind,
  workspaceId,
  target,
  onTargetChange,
  people,
  onPeopleChange,
  masked,
}: {
  kind: Kind;
  workspaceId: string;
  target: string;
  onTargetChange: (value: string) => void;
  people: MembersConfig;
  onPeopleChange: (value: MembersConfig) => void;
  masked?: string;
}) {
  if (kind === "members") return <ChannelMembersPicker workspaceId={workspaceId} value={people} onChange={onPeopleChange} />;
  const field = TARGET[kind];
  return (
    <label className="block text-sm">
      <span className="text-gray-700 dark:text-gray-300">{field.label}</span>
      <input
        required={!masked}
        type={field.type}
        value={target}
        onChange={(e) => onTargetChange(e.target.value)}
        placeholder={masked ? `unchanged (${masked})` : field.placeholder}
        className={`${input} mt-1 w-full`}
      />
    </label>
  );
}
