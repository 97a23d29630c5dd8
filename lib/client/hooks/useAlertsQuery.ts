import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { POLL_MS } from "@/lib/client/hooks/useErrorsQuery";
import type { AlertDto } from "@/lib/alerts/alertDto";
import type { AlertAction } from "@/lib/domain/alertStatus";
import type { listAlerts } from "@/lib/alerts/listAlerts";

export type AlertList = Awaited<ReturnType<typeof listAlerts>>;

const alertsKey = (workspaceId: string) => ["alerts", workspaceId, "open"] as const;

/** GET /api/v1/workspaces/:id/alerts — active and acknowledged alerts, polled with the dashboard. */
export function useAlertsQuery(workspaceId: string) {
  return useQuery({
    queryKey: alertsKey(workspaceId),
    queryFn: ({ signal }) => apiFetch<AlertList>(`/api/v1/workspaces/${workspaceId}/alerts?status=active,acknowledged`, { signal }),
    refetchInterval: POLL_MS,
  });
}

/** PATCH /api/v1/alerts/:id — acknowledge or resolve, applied optimistically and rolled back on refusal. */
export function useUpdateAlertMutation(workspaceId: string, onFailure: (message: string) => void) {
  const qc = useQueryClient();
  const key = alertsKey(workspaceId);
  return useMutation<unknown, Error, { alertId: string; status: AlertAction }, { previous: AlertList | undefined }>({
    mutationFn: ({ alertId, status }) => apiFetch(`/api/v1/alerts/${encodeURIComponent(alertId)}`, { method: "PATCH", json: { status } }),
    onMutate: async ({ alertId, status }) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<AlertList>(key);
      qc.setQueryData<AlertList>(key, (list) =>
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
      qc.setQueryData(key, ctx?.previous);
      onFailure(error.message);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
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
