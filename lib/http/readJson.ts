import { utf8Body } from "@/lib/http/bodyCharset";
import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import { readBody } from "@/lib/http/readBody";
import type { BodySource } from "@/lib/http/requestHead";

const MAX_JSON_BYTES = 256 * 1024;

/**
 * Reads a JSON request body (dashboard API calls: 256 KiB unless `maxBytes` allows more, 413 past
 * it); 400 when it is not JSON; a charset other than UTF-8 is decoded (415 when unknown).
 */
export async function readJson(req: Request | BodySource, { maxBytes = MAX_JSON_BYTES }: { maxBytes?: number } = {}): Promise<unknown> {
  const body = utf8Body(req, await readBody(req, { maxWireBytes: maxBytes, maxDecodedBytes: maxBytes }));
  if (body.length === 0) return {};
  return parseJsonBytes(body);
}
