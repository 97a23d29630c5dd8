"use client";

import { useState } from "react";
import { Badge, SeverityBadge } from "@/components/ui/Badge";
import { button } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { useConfirm } from "@/components/ui/useConfirm";
import { projectNames, STAGE_LABELS, type ProjectOption } from "@/components/settings/ChannelRoutingFields";
import { CreateChannelForm } from "@/components/settings/CreateChannelForm";
import { EditChannelForm } from "@/components/settings/EditChannelForm";
import type { ChannelDto } from "@/lib/alerts/channels/channelDto";
import { CHANNEL_KIND_LABELS } from "@/lib/alerts/channels/channelSchemas";
import { useChannelsQuery, useDeleteChannelMutation, useTestChannelMutation } from "@/lib/client/hooks/useChannelsQuery";
import { useMembersQuery } from "@/lib/client/hooks/useMembersQuery";
import { useTeamsQuery } from "@/lib/client/hooks/useTeamsQuery";

/** What a channel sends to, as the API returns it (secrets already masked). */
function target(channel: ChannelDto): string {
  const config = channel.config as Record<string, unknown>;
  if (Array.isArray(config.to)) return config.to.join(", ");
  if (typeof config.url === "string") return config.url;
  if (typeof config.routingKey === "string") return `routing key ${config.routingKey}`;
  return "";
}

/** Notification channels: everyone sees them (masked); admins add and delete. */
export function ChannelsSettings({ workspaceId, isAdmin, projects }: { workspaceId: string; isAdmin: boolean; projects: ProjectOption[] }) {
  const channels = useChannelsQuery(workspaceId);
  const remove = useDeleteChannelMutation(workspaceId);
  const test = useTestChannelMutation();
  const { showToast } = useToast();
  const { ask, dialog } = useConfirm();
  const items = channels.data?.items ?? [];
  const [editing, setEditing] = useState<string | null>(null);

  async function confirmDelete(c: ChannelDto) {
    if (!(await ask({ title: `Delete channel “${c.name}”?`, body: "It stops receiving alerts.", confirmLabel: "Delete channel" }))) return;
    remove.mutate(
      { channelId: c.id },
      { onSuccess: () => showToast(`Channel “${c.name}” deleted`, "success"), onError: (e) => showToast(`Channel not deleted: ${e.message}`) },
    );
  }

  function sendTest(c: ChannelDto) {
    test.mutate(
      { channelId: c.id },
      {
        onSuccess: (r) =>
          r.ok
            ? showToast(`Test notification sent to “${c.name}”${r.status ? ` (${r.status})` : ""}`, "success")
            : showToast(`Test notification to “${c.name}” failed: ${r.error ?? "no answer"}`),
        onError: (e) => showToast(`Test notification not sent: ${e.message}`),
      },
    );
  }

  return (
    <Card title="Notification channels" titleId="channels-title">
      <div className="space-y-4">
        {dialog}
        {isAdmin ? <CreateChannelForm workspaceId={workspaceId} projects={projects} /> : <p className="text-sm text-gray-500 dark:text-gray-400">Only workspace admins can change channels.</p>}
        {channels.isLoading ? (
          <LoadingState label="Loading channels…" className="py-6" />
        ) : channels.error && !channels.data ? (
          <ErrorState error={channels.error} onRetry={() => void channels.refetch()} className="py-6" />
        ) : items.length === 0 ? (
          <EmptyState title="No channels yet" className="py-6">Alerts are only shown in the dashboard.</EmptyState>
        ) : (
          <ul data-testid="channel-list" className="divide-y divide-gray-100 dark:divide-gray-800">
            {items.map((c) =>
              editing === c.id ? (
                <li key={c.id} data-testid="channel-row" className="py-3">
                  <EditChannelForm channel={c} projects={projects} onDone={() => setEditing(null)} />
                </li>
              ) : (
                <li key={c.id} data-testid="channel-row" className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center">
                  <div className="min-w-0 flex-1 space-y-1">
                    <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-gray-900 dark:text-gray-100">
                      {c.name}
                      <Badge className="bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300">{CHANNEL_KIND_LABELS[c.kind]}</Badge>
                      {!c.enabled && <Badge>disabled</Badge>}
                      {c.secretsUnreadable && <Badge className="bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300">secrets unreadable</Badge>}
                    </p>
                    {c.kind === "members" ? (
                      <MembersTarget workspaceId={workspaceId} config={c.config} />
                    ) : (
                      <p data-testid="channel-target" className="break-all font-mono text-xs text-gray-600 dark:text-gray-400">
                        {target(c)}
                      </p>
                    )}
                    <p className="flex flex-wrap items-center gap-1">
                      {c.severities.map((s) => (
                        <SeverityBadge key={s} severity={s} />
                      ))}
                      {c.stages.length < 3 && (
                        <span data-testid="channel-stages" className="text-xs text-gray-600 dark:text-gray-400">
                          only {c.stages.map((s) => STAGE_LABELS[s]).join(", ")}
                        </span>
                      )}
                      {c.projectIds.length > 0 && (
                        <span data-testid="channel-projects" className="text-xs text-gray-600 dark:text-gray-400">
                          only {projectNames(c.projectIds, projects).join(", ")}
                        </span>
                      )}
                    </p>
                  </div>
                  {isAdmin && (
                    <div className="flex gap-2">
                      <button
                        type="button"
                        onClick={() => sendTest(c)}
                        disabled={test.isPending}
                        className={button.secondary}
                        aria-label={`Send test notification to ${c.name}`}
                      >
                        {test.isPending && test.variables?.channelId === c.id ? "Sending…" : "Send test"}
                      </button>
                      <button type="button" onClick={() => setEditing(c.id)} className={button.secondary} aria-label={`Edit channel ${c.name}`}>
                        Edit
                      </button>
                      <button type="button" onClick={() => confirmDelete(c)} disabled={remove.isPending} className={button.secondary} aria-label={`Delete channel ${c.name}`}>
                        Delete
                      </button>
                    </div>
                  )}
                </li>
              ),
            )}
          </ul>
        )}
      </div>
    </Card>
  );
}

/** A "Faultline members" channel's people by name: the assignee, teams, members (one who left is not shown). */
function MembersTarget({ workspaceId, config }: { workspaceId: string; config: Record<string, unknown> }) {
  const members = useMembersQuery(workspaceId);
  const teams = useTeamsQuery(workspaceId);
  const ids = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
  const teamNames = ids(config.teamIds).flatMap((id) => teams.data?.items.filter((t) => t.id === id).map((t) => `team ${t.name}`) ?? []);
  const memberNames = ids(config.userIds).flatMap((id) => members.data?.items.filter((m) => m.id === id).map((m) => m.name) ?? []);
  const names = [...(config.assignee === true ? ["the issue's assignee"] : []), ...teamNames, ...memberNames];
  return (
    <p data-testid="channel-target" className="text-xs text-gray-600 dark:text-gray-400">
      {names.length > 0 ? names.join(", ") : "nobody (the people it named have left)"}
    </p>
  );
}
