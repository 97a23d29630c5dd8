import { clientAddress } from "@/lib/auth/clientAddress";
import type { ClientInfo } from "@/lib/auth/session";

/** The caller's address and browser, as recorded on a new session. */
export function clientInfo(req: Request): ClientInfo {
  return { address: clientAddress(req), userAgent: req.headers.get("user-agent") };
}
