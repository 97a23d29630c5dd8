import { useQuery, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { TwoFactorStatus } from "@/lib/twoFactor/twoFactorStatus";

export const TWO_FACTOR_KEY = ["account", "two-factor"] as const;

/** GET /api/v1/account/two-factor. */
export function useTwoFactorQuery() {
  return useQuery({ queryKey: TWO_FACTOR_KEY, queryFn: ({ signal }) => apiFetch<TwoFactorStatus>("/api/v1/account/two-factor", { signal }) });
}

/** After two-factor sign-in changed: its status, and the workspaces that require it (they open or close). */
export function refreshTwoFactor(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([queryClient.invalidateQueries({ queryKey: TWO_FACTOR_KEY }), queryClient.invalidateQueries({ queryKey: ["me"] })]);
}
