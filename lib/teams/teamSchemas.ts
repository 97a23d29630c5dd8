import { z } from "zod";
import { IdSchema } from "@/lib/domain/idSchema";

export const TeamNameSchema = z.string().trim().min(1, "must not be empty").max(80);
export const TeamParamsSchema = z.object({ id: IdSchema });

export const CreateTeamSchema = z.object({ name: TeamNameSchema, memberIds: z.array(IdSchema).max(500).default([]) }).strict();
export type CreateTeamInput = z.infer<typeof CreateTeamSchema>;

export const UpdateTeamSchema = z
  .object({ name: TeamNameSchema.optional(), memberIds: z.array(IdSchema).max(500).optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });
export type UpdateTeamInput = z.infer<typeof UpdateTeamSchema>;
