import type { AuthContext } from "@/lib/auth/AuthContext";
import { sentryApiWorkspace } from "@/lib/workspaces/sentryApiWorkspace";

/**
 * GET /api/0/organizations/:org/ — the workspace as Sentry's tools read an organization: its slug
 * and name, and `links.regionUrl` (this server's origin: one region) where the newer `sentry` CLI
 * sends its uploads.
 */
export async function sentryOrganization(auth: AuthContext, org: string, origin: string) {
  const workspace = await sentryApiWorkspace(auth, org, { triage: false });
  return {
    id: workspace.id,
    slug: workspace.slug,
    name: workspace.name,
    dateCreated: workspace.createdAt.toISOString(),
    links: { organizationUrl: origin, regionUrl: origin },
  };
}
