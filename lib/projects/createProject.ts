import { db } from "@/lib/db/prisma";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { slugify } from "@/lib/workspaces/slugify";

export async function createProject(input: { workspaceId: string; name: string }) {
  return db().project.create({
    data: { id: uuidv7(), workspaceId: input.workspaceId, name: input.name, slug: slugify(input.name) },
  });
}
