/**
 * Creates the demo workspace on first start: an admin user, a project, an ingest key and a day of
 * sample errors. The generated password and key are kept in .faultline/demo.json (git-ignored) so
 * every later start can print them again; nothing secret is committed.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/prisma";
import { createUser } from "@/lib/users/createUser";
import { createWorkspace } from "@/lib/workspaces/createWorkspace";
import { createProject } from "@/lib/projects/createProject";
import { createIngestKey } from "@/lib/projects/createIngestKey";
import { seedSampleErrors } from "@/scripts/demo/sampleErrors";

const STATE_FILE = path.join(process.cwd(), ".faultline", "demo.json");
const DEMO_EMAIL = "admin@faultline.local";

interface DemoState {
  email: string;
  password: string;
  workspaceId: string;
  projectId: string;
  projectPublicId: number;
  ingestKey: string;
}

async function main() {
  const existing = await db().user.findUnique({ where: { email: DEMO_EMAIL } });
  let state: DemoState | null = fs.existsSync(STATE_FILE) ? JSON.parse(fs.readFileSync(STATE_FILE, "utf8")) : null;
  if (!existing) {
    const password = process.env.FAULTLINE_DEMO_PASSWORD ?? randomBytes(9).toString("base64url");
    const user = await createUser({ email: DEMO_EMAIL, name: "Demo Admin", password });
    const workspace = await createWorkspace({ name: "Demo workspace", ownerId: user.id });
    const project = await createProject({ workspaceId: workspace.id, name: "Demo app" });
    const key = await createIngestKey({ projectId: project.id, name: "demo key" });
    state = {
      email: DEMO_EMAIL,
      password,
      workspaceId: workspace.id,
      projectId: project.id,
      projectPublicId: project.publicId,
      ingestKey: key.key,
    };
    fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
    fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2), { mode: 0o600 });
    await seedSampleErrors({ workspaceId: workspace.id, projectId: project.id });
  }
  process.stdout.write(JSON.stringify(state ?? { email: DEMO_EMAIL }) + "\n");
  await db().$disconnect();
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`demo seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
