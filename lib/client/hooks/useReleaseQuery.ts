import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, ApiRequestError } from "@/lib/client/apiFetch";
import { POLL_MS } from "@/lib/client/hooks/useErrorsQuery";
import type { ReleaseDetail } from "@/lib/releases/getRelease";

/** GET /api/v1/workspaces/:id/releases/:version — the release page. */
export function useReleaseQuery(workspaceId: string, version: string, filters: { projectId?: string }) {
  const search = new URLSearchParams(filters.projectId ? { projectId: filters.projectId } : {});
  return useQuery({
    queryKey: ["release", workspaceId, version, filters],
    queryFn: ({ signal }) => apiFetch<ReleaseDetail>(`/api/v1/workspaces/${workspaceId}/releases/${encodeURIComponent(version)}?${search}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS * 3,
    retry: (count, error) => !(error instanceof ApiRequestError && error.status === 404) && count < 2,
  });
}
