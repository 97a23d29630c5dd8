import { randomBytes } from "node:crypto";
import { createUser } from "@/lib/users/createUser";
import { createWorkspace } from "@/lib/workspaces/createWorkspace";
import { createProject } from "@/lib/projects/createProject";
import { createIngestKey } from "@/lib/projects/createIngestKey";

/** A throwaway workspace + project + key for one benchmark run. */
export async function createBenchProject(label: string) {
  const tag = `${label}-${randomBytes(3).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  const user = await createUser({ email: `${tag}@bench.local`, name: tag, password });
  const workspace = await createWorkspace({ name: tag, ownerId: user.id });
  const project = await createProject({ workspaceId: workspace.id, name: tag });
  const key = await createIngestKey({ projectId: project.id, name: "bench" });
  return { workspaceId: workspace.id, projectId: project.id, publicId: project.publicId, key: key.key, email: user.email, password };
}
