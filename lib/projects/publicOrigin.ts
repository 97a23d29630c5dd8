import { env } from "@/lib/env";

/** The origin clients reach this server at: PUBLIC_URL when set, else the origin of the request. */
export function publicOrigin(req: Request): string {
  const configured = env().PUBLIC_URL;
  return new URL(configured ?? req.url).origin;
}
