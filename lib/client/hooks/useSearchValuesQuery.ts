import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { SearchValues } from "@/lib/search/server/searchValues";

/** GET /api/v1/workspaces/:id/search-values — tag keys (no key) or one key's values for suggestions. */
export function useSearchValuesQuery(workspaceId: string, key: string | null, prefix: string, enabled: boolean) {
  const search = new URLSearchParams({ ...(key && { key }), prefix });
  return useQuery({
    queryKey: ["searchValues", workspaceId, key, prefix],
    queryFn: ({ signal }) => apiFetch<SearchValues>(`/api/v1/workspaces/${workspaceId}/search-values?${search}`, { signal }),
    enabled,
    staleTime: 30_000,
  });
}
