import type { AlertRule } from "@/lib/generated/prisma/client";
import type { RuleSettings } from "@/lib/alerts/rules/ruleSettings";

/** What evaluation needs of a rule: its settings plus identity and owner. */
export type EvaluableRule = RuleSettings & Pick<AlertRule, "id" | "workspaceId">;
