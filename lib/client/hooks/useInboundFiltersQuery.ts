import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { InboundFilters } from "@/lib/ingest/filters/inboundFilterSchema";
import type { InboundFiltersView } from "@/lib/projects/inboundFilters";

const filtersKey = (projectId: string) => ["project", projectId, "inbound-filters"] as const;
const filtersUrl = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/inbound-filters`;

/** GET /api/v1/projects/:projectId/inbound-filters. */
export function useInboundFiltersQuery(projectId: string) {
  return useQuery({
    queryKey: filtersKey(projectId),
    queryFn: ({ signal }) => apiFetch<InboundFiltersView>(filtersUrl(projectId), { signal }),
  });
}

/** PUT /api/v1/projects/:projectId/inbound-filters (admins). */
export function useSaveInboundFiltersMutation(projectId: string) {
  const qc = useQueryClient();
  return useMutation<InboundFiltersView, Error, InboundFilters>({
    mutationFn: (filters) => apiFetch<InboundFiltersView>(filtersUrl(projectId), { method: "PUT", json: filters }),
    onSuccess: (view) => qc.setQueryData(filtersKey(projectId), view),
  });
}
