import { z } from "zod";

export const WorkspaceNameSchema = z.string().trim().min(1, "must not be empty").max(100);

export const CreateWorkspaceSchema = z.object({ name: WorkspaceNameSchema }).strict();
export type CreateWorkspaceInput = z.infer<typeof CreateWorkspaceSchema>;

export const UpdateWorkspaceSchema = z.object({ name: WorkspaceNameSchema }).strict();
export type UpdateWorkspaceInput = z.infer<typeof UpdateWorkspaceSchema>;

export const RoleSchema = z.enum(["viewer", "member", "admin"]);
