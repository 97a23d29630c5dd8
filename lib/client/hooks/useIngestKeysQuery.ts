import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { IngestKeyList } from "@/lib/projects/listIngestKeys";
import type { CreatedProjectKey } from "@/lib/projects/createProjectKey";
import type { RevealedIngestKey } from "@/lib/projects/revealProjectKey";

export type CreatedIngestKey = CreatedProjectKey;

const keysKey = (projectId: string) => ["ingestKeys", projectId] as const;
const keysUrl = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/keys`;

/** GET /api/v1/projects/:id/keys — admins only; never includes the keys themselves (`revealable` says which can be shown). */
export function useIngestKeysQuery(projectId: string, enabled = true) {
  return useQuery({
    queryKey: keysKey(projectId),
    queryFn: ({ signal }) => apiFetch<IngestKeyList>(keysUrl(projectId), { signal }),
    enabled,
  });
}

/** POST /api/v1/projects/:id/keys — the response holds the raw key (admins can reveal it again later). */
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

/**
 * GET /api/v1/projects/:id/keys/:keyId/dsn — one live key in full with its DSN (admins; each call is
 * an audit entry, so it is fetched when asked for, never cached by the query client or refetched).
 */
export function fetchRevealedKey(projectId: string, keyId: string): Promise<RevealedIngestKey> {
  return apiFetch<RevealedIngestKey>(`${keysUrl(projectId)}/${encodeURIComponent(keyId)}/dsn`);
}
