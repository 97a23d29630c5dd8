import { z } from "zod";
import { IdSchema } from "@/lib/domain/idSchema";

/** What a token may do: "read" only GET/HEAD requests, "write" everything its user may (account settings aside). */
export const API_TOKEN_SCOPES = ["read", "write"] as const;
export const ApiTokenScopeSchema = z.enum(API_TOKEN_SCOPES);
export type ApiTokenScope = z.infer<typeof ApiTokenScopeSchema>;

/** A user keeps at most this many tokens. */
export const MAX_API_TOKENS_PER_USER = 50;

export const CreateApiTokenSchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(100),
    scope: ApiTokenScopeSchema,
    /** Days until the token stops working; null (or absent) for a token that does not expire. */
    expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
  })
  .strict();
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenSchema>;

export const ApiTokenParamsSchema = z.object({ tokenId: IdSchema });
