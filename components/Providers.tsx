"use client";

import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ToastProvider } from "@/components/ui/Toast";
import { ApiRequestError, isSignedOut } from "@/lib/client/apiFetch";

/** An expired session shows up as a 401 on the next poll: go to the login page and come back here. */
function redirectToLoginOn401(error: Error) {
  if (!(error instanceof ApiRequestError) || error.status !== 401 || isSignedOut()) return;
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.replace(`/login?next=${encodeURIComponent(here)}`);
}

/** A refused request (404, 403, 422…) gives the same answer again: only failures that may pass are retried once. */
function retryOnce(failures: number, error: Error): boolean {
  const refused = error instanceof ApiRequestError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
  return !refused && failures < 1;
}

/** One QueryClient per browser tab, with explicit defaults. */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: redirectToLoginOn401 }),
        defaultOptions: {
          queries: { staleTime: 5_000, retry: retryOnce, refetchOnWindowFocus: true },
          mutations: { retry: 0 },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
