import { logger } from "@/lib/logger";
import { toErrorResponse } from "@/lib/http/toErrorResponse";

/** Whether the client asked for a streamed, line-per-progress-step answer. */
export function wantsNdjson(req: Request): boolean {
  return (req.headers.get("accept") ?? "").includes("application/x-ndjson");
}

/**
 * A long operation as newline-delimited JSON: `{"progress": …}` lines while it runs, then one
 * `{"result": …}` line (or `{"error": …}` if it failed after the response had started).
 */
export function ndjsonProgress<P, R>(work: (progress: (p: P) => void) => Promise<R>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        const result = await work((progress) => send({ progress }));
        send({ result });
      } catch (error) {
        const response = toErrorResponse(error);
        const body = await response.json().catch(() => ({ error: { code: "internal", message: "failed" } }));
        logger.error("streamed operation failed", { status: response.status });
        send(body);
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}
