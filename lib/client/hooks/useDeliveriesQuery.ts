import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { listDeliveries } from "@/lib/alerts/deliveries/listDeliveries";

export type DeliveryList = Awaited<ReturnType<typeof listDeliveries>>;

/** GET /api/v1/workspaces/:id/deliveries — the newest notification deliveries (any member). */
export function useDeliveriesQuery(workspaceId: string, pageSize = 20) {
  return useQuery({
    queryKey: ["deliveries", workspaceId, pageSize],
    queryFn: ({ signal }) => apiFetch<DeliveryList>(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/deliveries?pageSize=${pageSize}`, { signal }),
    refetchInterval: 30_000,
  });
}
