import { z } from "zod";
import { ApiError } from "@/lib/http/ApiError";

export const WorkspaceNameSchema = z.string().trim().min(1, "must not be empty").max(100);

export const CreateWorkspaceSchema = z.object({ name: WorkspaceNameSchema }).strict();
export type CreateWorkspaceInput = z.infer<typeof CreateWorkspaceSchema>;

export const UpdateWorkspaceSchema = z
  .object({
    name: WorkspaceNameSchema.optional(),
    /** Members without two-factor sign-in cannot open the workspace until they turn it on. */
    requireTwoFactor: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.name !== undefined || v.requireTwoFactor !== undefined, { message: "give name or requireTwoFactor", path: ["name"] });
export type UpdateWorkspaceInput = z.infer<typeof UpdateWorkspaceSchema>;

/**
 * DELETE /api/v1/workspaces/:id: `confirm` repeats the workspace's name, in the body or the query
 * string. Optional here so a caller who may not delete the workspace hears 401/403/404 first; a
 * missing or wrong name is then a 422 naming `confirm` (lib/workspaces/deleteWorkspace.ts).
 */
export const DeleteWorkspaceSchema = z.object({ confirm: z.string().max(200).optional() }).strict();
export type DeleteWorkspaceInput = z.infer<typeof DeleteWorkspaceSchema>;

/**
 * The confirmation of a deletion sent in the query string, the body or both: both, naming different
 * names (surrounding spaces aside), is a 422 naming `confirm` — which one was meant? A deletion must
 * not pick one.
 */
export function deleteWorkspaceInput(fromQuery: DeleteWorkspaceInput, fromBody: DeleteWorkspaceInput): DeleteWorkspaceInput {
  const [query, body] = [fromQuery.confirm, fromBody.confirm];
  if (query !== undefined && body !== undefined && query.trim() !== body.trim()) {
    const message = "sent in the query string and the body with different names: send it once";
    throw ApiError.validation(`confirm: ${message}`, [{ path: "confirm", message }]);
  }
  return { confirm: body ?? query };
}

export const RoleSchema = z.enum(["viewer", "member", "admin"]);

/** The `:org` of sentry-cli's /api/0/organizations/:org/… routes: a workspace's slug (or id). */
export const OrganizationParamsSchema = z.object({ org: z.string().min(1).max(200) });
/** sentry-cli's /api/0/projects/:org/:project/… routes: the workspace and one of its projects (slug, id or DSN id). */
export const SentryProjectParamsSchema = OrganizationParamsSchema.extend({ project: z.string().min(1).max(200) });
