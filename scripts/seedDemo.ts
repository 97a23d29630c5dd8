/**
 * With FAULTLINE_DEMO on, creates the demo workspace on first start: an admin user, a project, an
 * ingest key, a day of sample errors (and a second, smaller project) (one a minified browser error with its source map), three cron monitors with a history, user feedback (one with a screenshot) and two releases' sessions. The password is printed on that first start only (from
 * FAULTLINE_DEMO_PASSWORD or generated) and never stored; the key and ids are kept in
 * .faultline/demo.json (git-ignored, mode 600) so later starts can print the DSN again.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/createUser";
import { createWorkspace } from "@/lib/workspaces/createWorkspace";
import { createProject } from "@/lib/projects/createProject";
import { createIngestKey } from "@/lib/projects/createIngestKey";
import { BILLING_SAMPLES, seedSampleErrors } from "@/scripts/demo/sampleErrors";
import { seedSampleFeedback } from "@/scripts/demo/sampleFeedback";
import { seedSampleMonitors } from "@/scripts/demo/sampleMonitors";
import { seedSampleSessions } from "@/scripts/demo/sampleSessions";
import { seedSampleSourceMap } from "@/scripts/demo/sampleSourceMap";
import { errorMessage } from "@/lib/text/errorMessage";

const STATE_FILE = path.join(process.cwd(), ".faultline", "demo.json");
const DEMO_EMAIL = "admin@faultline.local";

interface DemoState {
  email: string;
  workspaceId: string;
  projectId: string;
  projectPublicId: number;
  ingestKey: string;
}

function readState(): (DemoState & { password?: string }) | null {
  if (!fs.existsSync(STATE_FILE)) return null;
  return JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
}

function writeState(state: DemoState): void {
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2), { mode: 0o600 });
}

async function main() {
  const existing = await db().user.findUnique({ where: { email: DEMO_EMAIL } });
  let state = readState();
  let password: string | undefined;
  if (!existing) {
    password = process.env.FAULTLINE_DEMO_PASSWORD ?? randomBytes(9).toString("base64url");
    const user = await createUser({ email: DEMO_EMAIL, name: "Demo Admin", password, operator: true });
    const workspace = await createWorkspace({ name: "Demo workspace", ownerId: user.id });
    const project = await createProject({ workspaceId: workspace.id, name: "Demo app", platform: "javascript" });
    const key = await createIngestKey({ projectId: project.id, name: "demo key" });
    state = { email: DEMO_EMAIL, workspaceId: workspace.id, projectId: project.id, projectPublicId: project.publicId, ingestKey: key.key };
    writeState(state);
    const events = await seedSampleErrors({ workspaceId: workspace.id, projectId: project.id });
    await seedSampleMonitors({ workspaceId: workspace.id, projectId: project.id });
    await seedSampleFeedback({ workspaceId: workspace.id, projectId: project.id }, events);
    const admin = { kind: "user" as const, userId: user.id, email: user.email, name: user.name, memberships: [{ workspaceId: workspace.id, role: "admin" as const }] };
    await seedSampleSourceMap({ workspaceId: workspace.id, projectId: project.id }, admin, "1.4.2");
    await seedSampleSessions({ workspaceId: workspace.id, projectId: project.id });
    // A second project, so the dashboard's project filter and the per-project settings have a choice.
    const billing = await createProject({ workspaceId: workspace.id, name: "Billing service", platform: "python" });
    await createIngestKey({ projectId: billing.id, name: "demo key" });
    await seedSampleErrors({ workspaceId: workspace.id, projectId: billing.id }, { samples: BILLING_SAMPLES, count: 24, release: "billing@2.0.1" });
  } else if (state && "password" in state) {
    // Written by an older version: the password was printed before, it is not kept any longer.
    const { password: _dropped, ...rest } = state;
    void _dropped;
    writeState(rest);
    state = rest;
  }
  process.stdout.write(JSON.stringify({ ...(state ?? { email: DEMO_EMAIL }), ...(password && { password }) }) + "\n");
  await db().$disconnect();
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`demo seed failed: ${errorMessage(error)}\n`);
  process.exit(1);
});
