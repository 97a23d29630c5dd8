import type { AuthContext } from "@/lib/auth/AuthContext";
import { sentryApiWorkspace } from "@/lib/workspaces/sentryApiWorkspace";

/**
 * The workspace's repository integrations as sentry-cli lists them: none — Faultline is not
 * connected to a code host — so `releases set-commits --auto` falls back to the local git history
 * (`--local`), which it sends as commits.
 */
export async function listRepositoryIntegrations(auth: AuthContext, org: string): Promise<never[]> {
  await sentryApiWorkspace(auth, org, { triage: false });
  return [];
}
