import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { listForwardingDeliveries } from "@/lib/forwarding/deliver/listForwardingDeliveries";

export type ForwardingDeliveryList = Awaited<ReturnType<typeof listForwardingDeliveries>>;

/** GET /api/v1/projects/:id/forwarding-deliveries — the newest forwarded copies (any member). */
export function useForwardingDeliveriesQuery(projectId: string, limit = 20) {
  return useQuery({
    queryKey: ["forwardingDeliveries", projectId, limit],
    queryFn: ({ signal }) => apiFetch<ForwardingDeliveryList>(`/api/v1/projects/${encodeURIComponent(projectId)}/forwarding-deliveries?limit=${limit}`, { signal }),
    refetchInterval: 10_000,
  });
}
