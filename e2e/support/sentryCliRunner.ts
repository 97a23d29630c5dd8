import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, login, type Tenant } from "@/e2e/support/tenant";

const SENTRY_CLI = path.join(process.cwd(), "node_modules/.bin/sentry-cli");

/** What sentry-cli needs to talk to a tenant's project on the test app: a member's write token, the workspace's and project's slugs. */
export interface SentryCliTarget {
  token: string;
  org: string;
  project: string;
}

/** A member of the tenant makes an API token (`scope`, "write" by default) and looks up the slugs, as a CI setup would. */
export async function sentryCliTarget(t: Tenant, scope: "read" | "write" = "write"): Promise<SentryCliTarget & { member: string }> {
  const member = await login(t.member);
  const token = (await api("POST", "/api/v1/account/tokens", member, { name: "ci", scope })).body.token as string;
  const [{ org, project }] = await query<{ org: string; project: string }>(`SELECT w.slug AS org, p.slug AS project FROM "Project" p JOIN "Workspace" w ON w.id = p."workspaceId" WHERE p.id = $1::uuid`, [t.projectId]);
  return { member, token, org, project };
}

/** Runs the real sentry-cli binary against the test app (SENTRY_URL, token, org, project from the environment, as in CI). */
export function runSentryCli(target: SentryCliTarget, args: string[], cwd?: string) {
  return spawnSync(SENTRY_CLI, args, {
    cwd,
    env: { ...process.env, HOME: os.tmpdir(), SENTRY_URL: BASE_URL, SENTRY_AUTH_TOKEN: target.token, SENTRY_ORG: target.org, SENTRY_PROJECT: target.project, SENTRY_DISABLE_UPDATE_CHECK: "true", SENTRY_LOG_LEVEL: "warn" },
    encoding: "utf8",
    timeout: 60_000,
  });
}
