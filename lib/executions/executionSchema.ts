import { z } from "zod";
import { storableDateTime } from "@/lib/http/zodTime";

const Count = z.object({
  /** Any time inside the minute; truncated to the minute. Defaults to now; more than 5 minutes ahead, now (executionMinute.ts). */
  at: storableDateTime().optional(),
  agentId: z.string().trim().min(1).max(256).optional(),
  environment: z.string().trim().min(1).max(64).optional(),
  ok: z.number().int().nonnegative().max(10_000_000).default(0),
  failed: z.number().int().nonnegative().max(10_000_000).default(0),
});

/** POST /api/v1/executions: one count or `{ counts: [...] }` (up to 1,000). */
export const ExecutionsBodySchema = z.preprocess(
  (body) => (body && typeof body === "object" && "counts" in body ? body : { counts: [body] }),
  z.object({ counts: z.array(Count.strict()).min(1).max(1000) }),
);

export type ExecutionCount = z.output<typeof Count>;
