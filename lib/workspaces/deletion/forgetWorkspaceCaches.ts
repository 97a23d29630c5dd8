import { invalidateRules } from "@/lib/alerts/rules/ruleCache";
import { forgetIngestKey } from "@/lib/auth/ingestKeyAuth";
import { noteWorkspaceWrite } from "@/lib/db/localWrites";
import { forgetRules } from "@/lib/forwarding/rules/ruleCache";
import { forgetSentryProject } from "@/lib/sentry/authenticateSentryRequest";

/**
 * After a workspace's projects were marked deleting and their keys revoked: this instance drops its
 * cached keys, DSN projects, alert and forwarding rules and views of the workspace at once (the
 * ingest doors refuse its keys from the next request); every other instance re-reads them within
 * KEY_MAX_AGE_MS, and the store refuses what gets past a cache (lib/grouping/store/projectWriteLock.ts).
 */
export function forgetWorkspaceCaches(workspaceId: string, projects: { id: string; publicId: number }[], keyHashes: string[]): void {
  for (const hash of keyHashes) forgetIngestKey(hash);
  for (const project of projects) {
    forgetSentryProject(project.publicId);
    forgetRules(project.id);
  }
  invalidateRules(workspaceId);
  noteWorkspaceWrite(workspaceId);
}
