import { auditRow, userActor } from "@/lib/audit/auditRow";
import { ensureDefaultRules } from "@/lib/alerts/rules/ensureDefaultRules";
import { hashPassword } from "@/lib/auth/password";
import { createSession, type ClientInfo, type NewSession } from "@/lib/auth/session";
import { db } from "@/lib/db/prisma";
import { ApiError } from "@/lib/http/ApiError";
import { newProjectDto, type NewProject } from "@/lib/projects/addProject";
import { createIngestKey } from "@/lib/projects/createIngestKey";
import { createProject } from "@/lib/projects/createProject";
import type { SetupInput } from "@/lib/setup/setupSchemas";
import { createUser } from "@/lib/users/createUser";
import { createWorkspace } from "@/lib/workspaces/createWorkspace";

// Any constant: setups serialise on this transaction-level advisory lock.
const SETUP_LOCK = 0x5e7_0b;

/**
 * POST /api/v1/setup: creates the first admin (the instance operator), workspace, project and ingest
 * key in one transaction and signs the admin in. Refused (409) once any user exists; two setups racing are serialised by
 * an advisory lock, so exactly one succeeds.
 */
export async function runSetup(input: SetupInput, client: ClientInfo, origin: string): Promise<{ session: NewSession; workspaceId: string; project: NewProject }> {
  // Hashing is slow by design: before the lock, so a racing setup is refused at once.
  const passwordHash = await hashPassword(input.password);
  const created = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    if (await tx.user.findFirst({ select: { id: true } })) throw new ApiError(409, "already_set_up", "Faultline is already set up: sign in instead");
    // Whoever sets the instance up runs it: the instance operator (instance-wide status figures).
    const user = await createUser({ email: input.email, name: input.name, passwordHash, operator: true }, tx);
    const workspace = await createWorkspace({ name: input.workspaceName, ownerId: user.id }, tx);
    const project = await createProject({ workspaceId: workspace.id, name: input.projectName, platform: input.platform }, tx);
    const key = await createIngestKey({ projectId: project.id, name: "default" }, tx);
    const actor = userActor(user.id);
    await tx.auditLog.createMany({
      data: [
        auditRow({ workspaceId: workspace.id, actor, action: "setup.completed", targetType: "user", targetId: user.id, after: { email: user.email } }),
        auditRow({ workspaceId: workspace.id, actor, action: "workspace.created", targetType: "workspace", targetId: workspace.id, after: { name: workspace.name } }),
        auditRow({ workspaceId: workspace.id, actor, action: "project.created", targetType: "project", targetId: project.id, after: { name: project.name, platform: project.platform } }),
        auditRow({ workspaceId: workspace.id, actor, action: "ingest_key.created", targetType: "ingest_key", targetId: key.id, after: { projectId: project.id, name: key.name, keyPrefix: key.keyPrefix } }),
      ],
    });
    return { user, workspace, project, key };
  });
  await ensureDefaultRules(created.workspace.id);
  const session = await createSession(created.user.id, client);
  return { session, workspaceId: created.workspace.id, project: newProjectDto(created.project, created.key, origin) };
}
