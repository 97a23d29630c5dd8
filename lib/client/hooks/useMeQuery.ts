import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { Me } from "@/lib/workspaces/getMe";

export function useMeQuery() {
  return useQuery({ queryKey: ["me"], queryFn: () => apiFetch<Me>("/api/v1/me"), staleTime: 60_000 });
}
