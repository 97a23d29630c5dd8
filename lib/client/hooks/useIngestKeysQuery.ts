import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { IngestKeyList } from "@/lib/projects/listIngestKeys";
import type { createIngestKey } from "@/lib/projects/createIngestKey";

export type CreatedIngestKey = Awaited<ReturnType<typeof createIngestKey>>;

const keysKey = (projectId: string) => ["ingestKeys", projectId] as const;
const keysUrl = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/keys`;

/** GET /api/v1/projects/:id/keys — admins only; never includes the keys themselves. */
export function useIngestKeysQuery(projectId: string, enabled = true) {
  return useQuery({
    queryKey: keysKey(projectId),
    queryFn: ({ signal }) => apiFetch<IngestKeyList>(keysUrl(projectId), { signal }),
    enabled,
  });
}

/** POST /api/v1/projects/:id/keys — the response holds the raw key, shown once. */
export function useCreateIngestKeyMutation(projectId: string) {
  const qc = useQueryClient();
  return useMutation<CreatedIngestKey, Error, { name: string }>({
    mutationFn: (input) => apiFetch(keysUrl(projectId), { method: "POST", json: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: keysKey(projectId) }),
  });
}

/** DELETE /api/v1/projects/:id/keys/:keyId — revokes; the row stays, marked revoked. */
export function useRevokeIngestKeyMutation(projectId: string) {
  const qc = useQueryClient();
  return useMutation<null, Error, { keyId: string }>({
    mutationFn: ({ keyId }) => apiFetch(`${keysUrl(projectId)}/${encodeURIComponent(keyId)}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: keysKey(projectId) }),
  });
}
