import { z } from "zod";
import { PlatformSchema, ProjectNameSchema } from "@/lib/projects/projectSchemas";
import { EmailSchema, PasswordSchema, PersonNameSchema } from "@/lib/users/userSchemas";
import { WorkspaceNameSchema } from "@/lib/workspaces/workspaceSchemas";

/** The first run: the first admin, their workspace and its first project. */
export const SetupSchema = z
  .object({
    name: PersonNameSchema,
    email: EmailSchema,
    password: PasswordSchema,
    workspaceName: WorkspaceNameSchema,
    projectName: ProjectNameSchema,
    platform: PlatformSchema.optional(),
  })
  .strict();
export type SetupInput = z.infer<typeof SetupSchema>;
