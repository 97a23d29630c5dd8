import { z } from "zod";

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

export const RoleSchema = z.enum(["viewer", "member", "admin"]);

/** The `:org` of sentry-cli's /api/0/organizations/:org/… routes: a workspace's slug (or id). */
export const OrganizationParamsSchema = z.object({ org: z.string().min(1).max(200) });
/** sentry-cli's /api/0/projects/:org/:project/… routes: the workspace and one of its projects (slug, id or DSN id). */
export const SentryProjectParamsSchema = OrganizationParamsSchema.extend({ project: z.string().min(1).max(200) });
