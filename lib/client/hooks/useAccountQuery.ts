import { useQuery } from "@tanstack/react-query";
import type { Account } from "@/lib/account/getAccount";
import type { SessionList } from "@/lib/account/listSessions";
import type { ApiTokenList } from "@/lib/apiTokens/listApiTokens";
import { apiFetch } from "@/lib/client/apiFetch";

/** GET /api/v1/account. */
export function useAccountQuery() {
  return useQuery({ queryKey: ["account"], queryFn: ({ signal }) => apiFetch<Account>("/api/v1/account", { signal }) });
}

/** GET /api/v1/account/sessions. */
export function useSessionsQuery() {
  return useQuery({ queryKey: ["account", "sessions"], queryFn: ({ signal }) => apiFetch<SessionList>("/api/v1/account/sessions", { signal }) });
}

/** GET /api/v1/account/tokens. */
export function useApiTokensQuery() {
  return useQuery({ queryKey: ["account", "tokens"], queryFn: ({ signal }) => apiFetch<ApiTokenList>("/api/v1/account/tokens", { signal }) });
}
