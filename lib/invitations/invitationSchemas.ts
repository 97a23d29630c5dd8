import { z } from "zod";
import { EmailSchema, PasswordSchema, PersonNameSchema } from "@/lib/users/userSchemas";
import { RoleSchema } from "@/lib/workspaces/workspaceSchemas";
import { IdSchema } from "@/lib/domain/idSchema";

export const CreateInvitationSchema = z.object({ email: EmailSchema, role: RoleSchema }).strict();
export type CreateInvitationInput = z.infer<typeof CreateInvitationSchema>;

export const InvitationParamsSchema = z.object({ workspaceId: IdSchema, invitationId: IdSchema });
export const InvitationTokenParamsSchema = z.object({ token: z.string().min(20).max(200) });

/** A new user gives a name and a password; an existing user their password (or nothing when signed in as the invitee). */
export const AcceptInvitationSchema = z
  .object({ name: PersonNameSchema.optional(), password: PasswordSchema.optional() })
  .strict();
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationSchema>;
