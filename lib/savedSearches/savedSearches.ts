import { z } from "zod";
import type { AuthContext } from "@/lib/auth/AuthContext";
import { assertCanViewWorkspace, visibleItem } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { parseQuery } from "@/lib/errors/search/buildErrorWhere";
import { ApiError } from "@/lib/http/ApiError";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAX_QUERY_LENGTH } from "@/lib/search/searchVocabulary";

export const MAX_SAVED_SEARCHES = 50;

export const CreateSavedSearchSchema = z
  .object({
    name: z.string().trim().min(1).max(80).refine((s) => !s.includes("\u0000"), "must not contain NUL characters"),
    query: z.string().trim().max(MAX_QUERY_LENGTH).transform((s) => s.replaceAll("\u0000", " ")),
  })
  .strict();
export type CreateSavedSearchInput = z.infer<typeof CreateSavedSearchSchema>;

/** The caller's own saved searches in a workspace, by name. */
export async function listSavedSearches(auth: AuthContext, workspaceId: string) {
  assertCanViewWorkspace(auth, workspaceId);
  if (auth.kind !== "user") return { items: [] };
  const rows = await db().savedSearch.findMany({ where: { workspaceId, userId: auth.userId }, orderBy: { name: "asc" } });
  return { items: rows.map((r) => ({ id: r.id, name: r.name, query: r.query, createdAt: r.createdAt.toISOString() })) };
}

export type SavedSearchList = Awaited<ReturnType<typeof listSavedSearches>>;

/** Saves a search that parses (422 naming `query` otherwise); a name already used is a 409 naming `name`. */
export async function createSavedSearch(auth: AuthContext, workspaceId: string, input: CreateSavedSearchInput) {
  assertCanViewWorkspace(auth, workspaceId);
  if (auth.kind !== "user") throw ApiError.forbidden("saved searches belong to people");
  parseQuery(input.query);
  const count = await db().savedSearch.count({ where: { workspaceId, userId: auth.userId } });
  if (count >= MAX_SAVED_SEARCHES) throw ApiError.validation(`at most ${MAX_SAVED_SEARCHES} saved searches`, [{ path: "name", message: "delete one first" }]);
  try {
    const row = await db().savedSearch.create({ data: { id: uuidv7(), workspaceId, userId: auth.userId, name: input.name, query: input.query } });
    return { id: row.id, name: row.name, query: row.query, createdAt: row.createdAt.toISOString() };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ApiError(409, "conflict", `you already have a saved search named "${input.name}"`, { field: "name" });
    }
    throw error;
  }
}

/** Only its owner deletes a saved search, while they may open its workspace; anyone else gets 404. */
export async function deleteSavedSearch(auth: AuthContext, id: string) {
  const found = auth.kind === "user" ? await db().savedSearch.findFirst({ where: { id, userId: auth.userId } }) : null;
  const row = visibleItem(auth, found, () => ApiError.notFound("saved search not found"));
  await db().savedSearch.delete({ where: { id: row.id } });
}
