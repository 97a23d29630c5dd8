import { z } from "zod";
import { RoleSchema } from "@/lib/workspaces/workspaceSchemas";

export const MembershipParamsSchema = z.object({ id: z.uuid() });
export const UpdateMembershipSchema = z.object({ role: RoleSchema }).strict();
export type UpdateMembershipInput = z.infer<typeof UpdateMembershipSchema>;
