import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { ChannelDto } from "@/lib/alerts/channels/channelDto";
import type { CreateChannelInput, UpdateChannelInput } from "@/lib/alerts/channels/channelSchemas";
import type { listChannels } from "@/lib/alerts/channels/listChannels";
import type { TestNotificationResult } from "@/lib/alerts/channels/sendTestNotification";

export type ChannelList = Awaited<ReturnType<typeof listChannels>>;
/** The POST body before defaults are applied (`enabled` may be omitted). */
export type NewChannel = Omit<CreateChannelInput, "enabled"> & { enabled?: boolean };

const channelsKey = (workspaceId: string) => ["channels", workspaceId] as const;
const channelsUrl = (workspaceId: string) => `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/channels`;

/** GET /api/v1/workspaces/:id/channels — secrets masked (any member). */
export function useChannelsQuery(workspaceId: string) {
  return useQuery({
    queryKey: channelsKey(workspaceId),
    queryFn: ({ signal }) => apiFetch<ChannelList>(channelsUrl(workspaceId), { signal }),
  });
}

/** A created channel; a webhook's generated signing secret is returned in full this once. */
export type CreatedChannel = ChannelDto & { signingSecret?: string };

/** POST /api/v1/workspaces/:id/channels (admins). */
export function useCreateChannelMutation(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation<CreatedChannel, Error, NewChannel>({
    mutationFn: (input) => apiFetch(channelsUrl(workspaceId), { method: "POST", json: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: channelsKey(workspaceId) }),
  });
}

/** DELETE /api/v1/channels/:id (admins). */
export function useDeleteChannelMutation(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation<null, Error, { channelId: string }>({
    mutationFn: ({ channelId }) => apiFetch(`/api/v1/channels/${encodeURIComponent(channelId)}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: channelsKey(workspaceId) }),
  });
}

/** POST /api/v1/channels/:id/test (admins): the receiver's answer to a test notification. */
export function useTestChannelMutation() {
  return useMutation<TestNotificationResult, Error, { channelId: string }>({
    mutationFn: ({ channelId }) => apiFetch(`/api/v1/channels/${encodeURIComponent(channelId)}/test`, { method: "POST" }),
  });
}

/** PATCH /api/v1/channels/:id (admins): omitted or masked config fields keep their value. */
export function useUpdateChannelMutation(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation<ChannelDto, Error, { channelId: string; patch: UpdateChannelInput }>({
    mutationFn: ({ channelId, patch }) => apiFetch(`/api/v1/channels/${encodeURIComponent(channelId)}`, { method: "PATCH", json: patch }),
    onSettled: () => qc.invalidateQueries({ queryKey: channelsKey(workspaceId) }),
  });
}
