import type { BodySource, RequestHead } from "@/lib/http/requestHead";

/**
 * One ingest request as the pipeline sees it, whichever server received it: a Next.js route handler
 * (adapted by fetchAdapter.ts) or the node:http fast path (nodeAdapter.ts).
 */
export interface IntakeRequest extends RequestHead, BodySource {
  method: string;
}

/** The answer to an ingest request: a JSON body (or none), written by the same adapters. */
export interface IntakeResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}
