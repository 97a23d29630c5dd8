import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { IssueSubscriptionDto } from "@/lib/notifications/issueSubscription";
import type { NotificationList } from "@/lib/notifications/listNotifications";
import type { MarkNotificationsInput, UpdateNotificationSettingsInput } from "@/lib/notifications/notificationSchemas";
import type { NotificationSettingsDto } from "@/lib/notifications/notificationSettings";

const INBOX_KEY = ["notifications"] as const;
const SETTINGS_KEY = ["account", "notifications"] as const;
const subscriptionKey = (errorId: string) => ["subscription", errorId] as const;

/** GET /api/v1/notifications — the header's inbox, polled every 30 s while the page is open. */
export function useNotificationsQuery() {
  return useQuery({
    queryKey: INBOX_KEY,
    queryFn: ({ signal }) => apiFetch<NotificationList>("/api/v1/notifications?limit=20", { signal }),
    refetchInterval: 30_000,
  });
}

/** POST /api/v1/notifications/read — by id or all; the inbox refreshes. */
export function useMarkNotificationsMutation(onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<MarkNotificationsInput, "read"> & { read?: boolean }) => apiFetch<{ updated: number; unreadCount: number }>("/api/v1/notifications/read", { method: "POST", json: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: INBOX_KEY }),
    onError: (error) => onFailure(error.message),
  });
}

/** GET /api/v1/account/notifications */
export function useNotificationSettingsQuery() {
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: ({ signal }) => apiFetch<NotificationSettingsDto>("/api/v1/account/notifications", { signal }) });
}

/** PATCH /api/v1/account/notifications */
export function useUpdateNotificationSettingsMutation(onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateNotificationSettingsInput) => apiFetch<NotificationSettingsDto>("/api/v1/account/notifications", { method: "PATCH", json: input }),
    onSuccess: (settings) => qc.setQueryData(SETTINGS_KEY, settings),
    onError: (error) => onFailure(error.message),
  });
}

/** GET /api/v1/errors/:id/subscription */
export function useIssueSubscriptionQuery(errorId: string) {
  return useQuery({
    queryKey: subscriptionKey(errorId),
    queryFn: ({ signal }) => apiFetch<IssueSubscriptionDto>(`/api/v1/errors/${encodeURIComponent(errorId)}/subscription`, { signal }),
  });
}

/** PUT /api/v1/errors/:id/subscription */
export function useSetIssueSubscriptionMutation(errorId: string, onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (subscribed: boolean) => apiFetch<IssueSubscriptionDto>(`/api/v1/errors/${encodeURIComponent(errorId)}/subscription`, { method: "PUT", json: { subscribed } }),
    onSuccess: (state) => qc.setQueryData(subscriptionKey(errorId), state),
    onError: (error) => onFailure(error.message),
  });
}
