import { ApiError } from "@/lib/http/ApiError";
import type { RequestHead } from "@/lib/http/requestHead";

/**
 * JSON endpoints accept application/json (or no Content-Type at all, as curl -d sends form type).
 * `allowTextPlain`: also text/plain, which browsers' sendBeacon and CORS simple requests send.
 */
export function assertJsonContentType(req: Pick<RequestHead, "headers">, options: { allowTextPlain?: boolean } = {}): void {
  const type = req.headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (!type || type === "application/json" || type.endsWith("+json") || type === "application/x-www-form-urlencoded") return;
  if (options.allowTextPlain && type === "text/plain") return;
  throw ApiError.unsupportedMediaType(`Content-Type must be application/json, got "${type.slice(0, 60)}"`, "header Content-Type");
}
