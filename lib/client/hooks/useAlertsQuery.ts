import { useMutation, useQuery, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { POLL_MS } from "@/lib/client/hooks/useErrorsQuery";
import type { AlertDto } from "@/lib/alerts/alertDto";
import type { AlertAction } from "@/lib/domain/alertStatus";
import type { listAlerts } from "@/lib/alerts/listAlerts";

export type AlertList = Awaited<ReturnType<typeof listAlerts>>;

/** Every list of a workspace's open alerts (the dashboard's, each issue page's). */
const openAlertsKey = (workspaceId: string) => ["alerts", workspaceId, "open"] as const;

/**
 * Every alert list and alert read again: after an issue was resolved, ignored or discarded (the server
 * closed its open alerts) or merged (they moved to the target), not at the next poll.
 */
export function invalidateAlerts(qc: QueryClient): Promise<unknown> {
  return Promise.all([qc.invalidateQueries({ queryKey: ["alerts"] }), qc.invalidateQueries({ queryKey: ["alert"] })]);
}

/** GET /api/v1/workspaces/:id/alerts — active and acknowledged alerts (of one issue with `errorId`, of one project with `projectId`), polled with the dashboard. */
export function useAlertsQuery(workspaceId: string, errorId: string | null = null, projectId: string | null = null) {
  const search = new URLSearchParams({ status: "active,acknowledged", ...(errorId && { errorId }), ...(projectId && { projectId }) });
  return useQuery({
    queryKey: [...openAlertsKey(workspaceId), errorId ?? "all", projectId ?? "any"],
    queryFn: ({ signal }) => apiFetch<AlertList>(`/api/v1/workspaces/${workspaceId}/alerts?${search}`, { signal }),
    refetchInterval: POLL_MS,
  });
}

/** PATCH /api/v1/alerts/:id — acknowledge or resolve, applied optimistically and rolled back on refusal. */
export function useUpdateAlertMutation(workspaceId: string, onFailure: (message: string) => void) {
  const qc = useQueryClient();
  const key = openAlertsKey(workspaceId);
  return useMutation<unknown, Error, { alertId: string; status: AlertAction }, { previous: [QueryKey, AlertList | undefined][] }>({
    mutationFn: ({ alertId, status }) => apiFetch(`/api/v1/alerts/${encodeURIComponent(alertId)}`, { method: "PATCH", json: { status } }),
    onMutate: async ({ alertId, status }) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueriesData<AlertList>({ queryKey: key });
      qc.setQueriesData<AlertList>({ queryKey: key }, (list) =>
        list && {
          ...list,
          items:
            status === "resolved"
              ? list.items.filter((a) => a.id !== alertId)
              : list.items.map((a): AlertDto => (a.id === alertId ? { ...a, status } : a)),
        },
      );
      return { previous };
    },
    onError: (error, _vars, ctx) => {
      for (const [queryKey, data] of ctx?.previous ?? []) qc.setQueryData(queryKey, data);
      onFailure(error.message);
    },
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: key }), qc.invalidateQueries({ queryKey: ["alert"] })]),
  });
}

/** GET /api/v1/alerts/:id — one alert whatever its status (a notification's link to a closed one); null: none asked. */
export function useAlertQuery(alertId: string | null) {
  return useQuery({
    queryKey: ["alert", alertId],
    queryFn: ({ signal }) => apiFetch<AlertDto>(`/api/v1/alerts/${encodeURIComponent(alertId ?? "")}`, { signal }),
    enabled: alertId !== null,
    retry: false,
  });
}
