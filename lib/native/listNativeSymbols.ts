import type { AuthContext } from "@/lib/auth/AuthContext";
import { db } from "@/lib/db/prisma";
import type { NativeSymbolFileDto } from "@/lib/native/nativeSymbolSchemas";
import { findProject } from "@/lib/projects/findProject";

const MAX_LISTED = 500;

/** GET /api/v1/projects/:projectId/native-symbols — a project's symbol files, newest first (never their content). */
export async function listNativeSymbols(auth: AuthContext, projectId: string): Promise<{ items: NativeSymbolFileDto[] }> {
  await findProject(auth, projectId);
  const rows = await db().nativeSymbolFile.findMany({
    where: { projectId },
    select: { debugId: true, name: true, os: true, arch: true, size: true, functionCount: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_LISTED,
  });
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}
