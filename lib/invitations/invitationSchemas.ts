import { z } from "zod";
import { EmailSchema, PasswordSchema, PersonNameSchema } from "@/lib/users/userSchemas";
import { RoleSchema } from "@/lib/workspaces/workspaceSchemas";

export const CreateInvitationSchema = z.object({ email: EmailSchema, role: RoleSchema }).strict();
export type CreateInvitationInput = z.infer<typeof CreateInvitationSchema>;

export const InvitationParamsSchema = z.object({ workspaceId: z.uuid(), invitationId: z.uuid() });
export const InvitationTokenParamsSchema = z.object({ token: z.string().min(20).max(200) });

/** A new user gives a name and a password; an existing user their password (or nothing when signed in as the invitee). */
export const AcceptInvitationSchema = z
  .object({ name: PersonNameSchema.optional(), password: PasswordSchema.optional() })
  .strict();
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationSchema>;
