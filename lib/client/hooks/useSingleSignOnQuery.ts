import { useQuery } from "@tanstack/react-query";
import type { SingleSignOnStatus } from "@/lib/account/singleSignOnStatus";
import { apiFetch } from "@/lib/client/apiFetch";

export const SINGLE_SIGN_ON_KEY = ["account", "single-sign-on"] as const;

/** GET /api/v1/account/single-sign-on. */
export function useSingleSignOnQuery() {
  return useQuery({ queryKey: SINGLE_SIGN_ON_KEY, queryFn: ({ signal }) => apiFetch<SingleSignOnStatus>("/api/v1/account/single-sign-on", { signal }) });
}
