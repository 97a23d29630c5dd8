import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { IngestHealth } from "@/lib/ingestHealth/ingestHealthSchema";

/** GET /api/v1/workspaces/:id/ingest-health — refreshed every 15 s while the status page is open. */
export function useIngestHealthQuery(workspaceId: string) {
  return useQuery({
    queryKey: ["ingestHealth", { workspaceId }],
    queryFn: ({ signal }) => apiFetch<IngestHealth>(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/ingest-health`, { signal }),
    refetchInterval: 15_000,
  });
}
