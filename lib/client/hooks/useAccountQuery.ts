import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UpdateAccountInput } from "@/lib/account/accountSchemas";
import type { Account } from "@/lib/account/getAccount";
import type { SessionList } from "@/lib/account/listSessions";
import type { CreateApiTokenInput } from "@/lib/apiTokens/apiTokenSchemas";
import type { CreatedApiToken } from "@/lib/apiTokens/createApiToken";
import type { ApiTokenList } from "@/lib/apiTokens/listApiTokens";
import { apiFetch } from "@/lib/client/apiFetch";

/** GET /api/v1/account. */
export function useAccountQuery() {
  return useQuery({ queryKey: ["account"], queryFn: ({ signal }) => apiFetch<Account>("/api/v1/account", { signal }) });
}

/** PATCH /api/v1/account — the name or the time zone; settles once the account and `me` (the header, every page's times) are read again. */
export function useUpdateAccountMutation() {
  const qc = useQueryClient();
  return useMutation<Account, Error, UpdateAccountInput>({
    mutationFn: (input) => apiFetch("/api/v1/account", { method: "PATCH", json: input }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ["account"] }), qc.invalidateQueries({ queryKey: ["me"] })]),
  });
}

/** GET /api/v1/account/sessions. */
export function useSessionsQuery() {
  return useQuery({ queryKey: ["account", "sessions"], queryFn: ({ signal }) => apiFetch<SessionList>("/api/v1/account/sessions", { signal }) });
}

const TOKENS_KEY = ["account", "tokens"] as const;

/** GET /api/v1/account/tokens. */
export function useApiTokensQuery() {
  return useQuery({ queryKey: TOKENS_KEY, queryFn: ({ signal }) => apiFetch<ApiTokenList>("/api/v1/account/tokens", { signal }) });
}

/** POST /api/v1/account/tokens — the response holds the raw token, shown once. */
export function useCreateApiTokenMutation() {
  const qc = useQueryClient();
  return useMutation<CreatedApiToken, Error, CreateApiTokenInput>({
    mutationFn: (input) => apiFetch("/api/v1/account/tokens", { method: "POST", json: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

/** DELETE /api/v1/account/tokens/:tokenId. */
export function useRevokeApiTokenMutation() {
  const qc = useQueryClient();
  return useMutation<null, Error, { tokenId: string }>({
    mutationFn: ({ tokenId }) => apiFetch(`/api/v1/account/tokens/${encodeURIComponent(tokenId)}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
