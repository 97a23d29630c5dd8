import { ApiRequestError } from "@/lib/client/apiFetch";
import type { ErrorsFilters } from "@/lib/client/hooks/useErrorsQuery";
import { timeframeSince } from "@/lib/client/timeframes";
import type { BulkProgress, BulkRequest, BulkResult } from "@/lib/errors/bulk/bulkSchemas";

export type BulkInput = Omit<BulkRequest, "severity" | "status" | "category"> & { severity?: string; status?: string; category?: string };

/**
 * POST /api/v1/errors/bulk in one request, reading the streamed progress lines as they come so a
 * large selection shows how far it got.
 */
export async function bulkRequest(input: BulkInput, onProgress: (p: BulkProgress) => void): Promise<BulkResult> {
  const res = await fetch("/api/v1/errors/bulk", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/x-ndjson" },
    body: JSON.stringify(input),
    credentials: "same-origin",
  });
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiRequestError(res.status, body?.error?.message ?? `request failed (${res.status})`);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let newline: number;
    while ((newline = buffer.indexOf("\n")) !== -1) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (!line) continue;
      const message = JSON.parse(line) as { progress?: BulkProgress; result?: BulkResult; error?: { message?: string } };
      if (message.progress) onProgress(message.progress);
      if (message.result) return message.result;
      if (message.error) throw new ApiRequestError(500, message.error.message ?? "the bulk change failed part way");
    }
    if (done) throw new ApiRequestError(500, "the server closed the connection before finishing");
  }
}

/** The list's filters as a bulk "select all matching" selection (the timeframe becomes `since`). */
export function selectionOf(filters: ErrorsFilters, workspaceId: string): BulkInput {
  const { timeframe, workspaceId: _ws, projectId, environment, severity, status, category, q, query, assigned, since, until } = filters;
  void _ws;
  return {
    workspaceId,
    projectId,
    environment,
    severity,
    status,
    category,
    q,
    query: query ?? "",
    assigned,
    since: since ?? (timeframe ? timeframeSince(timeframe) : undefined),
    until,
    action: "resolve",
  };
}
