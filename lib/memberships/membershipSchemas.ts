import { z } from "zod";
import { RoleSchema } from "@/lib/workspaces/workspaceSchemas";
import { IdSchema } from "@/lib/domain/idSchema";

export const MembershipParamsSchema = z.object({ id: IdSchema });
export const UpdateMembershipSchema = z.object({ role: RoleSchema }).strict();
export type UpdateMembershipInput = z.infer<typeof UpdateMembershipSchema>;
