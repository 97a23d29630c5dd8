import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { POLL_MS } from "@/lib/client/hooks/useErrorsQuery";
import type { ReleaseList } from "@/lib/releases/listReleases";

/** GET /api/v1/workspaces/:id/releases — the releases page. */
export function useReleasesQuery(workspaceId: string, filters: { projectId?: string }) {
  const search = new URLSearchParams(filters.projectId ? { projectId: filters.projectId } : {});
  return useQuery({
    queryKey: ["releases", workspaceId, filters],
    queryFn: ({ signal }) => apiFetch<ReleaseList>(`/api/v1/workspaces/${workspaceId}/releases?${search}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS * 3,
  });
}
