import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { POLL_MS } from "@/lib/client/hooks/useErrorsQuery";
import type { TagDistribution } from "@/lib/errors/tags/getTagDistribution";

/** GET /api/v1/errors/:id/tags — top values per tag key. */
export function useIssueTagsQuery(errorId: string) {
  return useQuery({
    queryKey: ["issueTags", errorId],
    queryFn: ({ signal }) => apiFetch<TagDistribution>(`/api/v1/errors/${encodeURIComponent(errorId)}/tags`, { signal }),
    refetchInterval: POLL_MS * 3,
  });
}
