import type { ExceptionRelation } from "@/lib/grouping/chain/ChainException";

/** How the dashboard names an exception's relation to the one before it in its chain. */
export const RELATION_LABELS: Record<ExceptionRelation, string> = {
  raised: "Raised",
  cause: "Caused by",
  context: "While handling",
  suppressed: "Suppressed",
  member: "Sub-exception",
};
