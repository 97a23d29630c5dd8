import type { AuthContext } from "@/lib/auth/AuthContext";

/**
 * Whether the caller may see people: who works on an issue and what they wrote (names, emails, the
 * audit trail, resolution notes), and the application's end users in its events (the user, the
 * request, breadcrumbs, extra data, variables, attachments: lib/errors/events/withoutEndUsers.ts).
 * Members do; an ingest key — the DSN's public key, shipped inside browser bundles and mobile apps —
 * reads its project's issues as data only (ids of members stay, people do not).
 */
export function seesPeople(auth: AuthContext): boolean {
  return auth.kind === "user";
}
