import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { errorQueryKey } from "@/lib/client/hooks/useErrorQuery";
import type { CreateIssueLinkInput, IssueLinkDto } from "@/lib/errors/links/issueLinks";

const key = (errorId: string) => ["issueLinks", errorId] as const;
const path = (errorId: string) => `/api/v1/errors/${encodeURIComponent(errorId)}/links`;

/** GET /api/v1/errors/:id/links */
export function useIssueLinksQuery(errorId: string) {
  return useQuery({ queryKey: key(errorId), queryFn: ({ signal }) => apiFetch<{ items: IssueLinkDto[] }>(path(errorId), { signal }) });
}

/** POST /api/v1/errors/:id/links; the issue (its activity) is read again after. */
export function useAddIssueLinkMutation(errorId: string) {
  const qc = useQueryClient();
  return useMutation<IssueLinkDto, Error, CreateIssueLinkInput>({
    mutationFn: (input) => apiFetch<IssueLinkDto>(path(errorId), { method: "POST", json: input }),
    onSuccess: (link) => {
      qc.setQueryData<{ items: IssueLinkDto[] }>(key(errorId), (list) => ({ items: [...(list?.items ?? []), link] }));
      void qc.invalidateQueries({ queryKey: errorQueryKey(errorId) });
    },
  });
}

/** DELETE /api/v1/errors/:id/links/:linkId */
export function useRemoveIssueLinkMutation(errorId: string, onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => apiFetch<null>(`${path(errorId)}/${linkId}`, { method: "DELETE" }),
    onSuccess: (_data, linkId) => {
      qc.setQueryData<{ items: IssueLinkDto[] }>(key(errorId), (list) => list && { items: list.items.filter((l) => l.id !== linkId) });
      void qc.invalidateQueries({ queryKey: errorQueryKey(errorId) });
    },
    onError: (error) => onFailure(error.message),
  });
}
