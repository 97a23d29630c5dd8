import type { Severity } from "@/lib/domain/severity";
import {
  CATEGORY_DEFAULT_SEVERITY,
  CATEGORY_SOURCE,
  CLASSIFICATION_RULES,
  ErrorCategorySchema,
  SOURCE_RULES,
  type ClassificationRule,
  type ErrorCategory,
  type RuleMatch,
} from "@/lib/ingest/classificationRules";

export interface ClassifyInput {
  type: string;
  message: string;
  stackTrace?: string;
  source?: string;
  severity?: Severity;
  category?: string;
  /** Events carrying an agent id come from an agent run, whatever their text says. */
  agentId?: string;
  /** The exceptions that caused the raised one, nearest first: read when the raised one matches no rule. */
  causes?: { type: string; message: string }[];
}

export interface Classification {
  severity: Severity;
  category: string;
  source: string;
}

// The interesting part of a stack is its head; scanning a 256 KiB trace with every rule would
// blow the ingest latency budget (seed 002: <100 ms per event) for no better answer.
const MAX_SCAN = 16_384;

interface Fields {
  type: string;
  message: string;
  stack: string;
  source: string;
}

const present = (s: string | undefined): s is string => typeof s === "string" && s.trim() !== "";

function matches(match: RuleMatch, fields: Fields): boolean {
  return (
    (match.type !== undefined && match.type.test(fields.type)) ||
    (match.message !== undefined && match.message.test(fields.message)) ||
    (match.stack !== undefined && match.stack.test(fields.stack)) ||
    (match.source !== undefined && match.source.test(fields.source))
  );
}

function firstRule(fields: Fields, only?: ErrorCategory): ClassificationRule | undefined {
  return CLASSIFICATION_RULES.find((rule) => (only === undefined || rule.category === only) && matches(rule.match, fields));
}

/**
 * A wrapper that says nothing ("fetch failed", "RuntimeException: total failed for A-17") takes the
 * category of the first cause a rule recognises: "fetch failed" caused by "connect ECONNREFUSED" is
 * a network error. Only type and message are read (a cause's frames are the stack's business).
 */
function causeRule(causes: ClassifyInput["causes"], source: string): ClassificationRule | undefined {
  for (const cause of (causes ?? []).slice(0, MAX_CAUSES)) {
    const rule = firstRule({ type: cause.type.slice(0, MAX_SCAN), message: cause.message.slice(0, MAX_SCAN), stack: "", source });
    if (rule) return rule;
  }
  return undefined;
}

const MAX_CAUSES = 8;

function knownCategory(category: string): ErrorCategory | undefined {
  const parsed = ErrorCategorySchema.safeParse(category.trim().toLowerCase());
  return parsed.success ? parsed.data : undefined;
}

/**
 * Fills severity, category and source that the client left out; values the client sent are kept
 * as sent. Deterministic: the same input always yields the same output.
 *
 * - category: client value, else the first matching rule (on the raised exception, else on its
 *   causes, nearest first), else "unknown".
 * - severity: client value; else, when the client named one of our categories, the first matching
 *   rule of THAT category (so severity never contradicts the client's category) or that
 *   category's default; else the first matching rule; else "medium".
 * - source: client value, else "agent" when an agent id is present, else the first source rule,
 *   else the usual source of the category.
 */
export function classify(input: ClassifyInput): Classification {
  const fields: Fields = {
    type: (input.type ?? "").slice(0, MAX_SCAN),
    message: (input.message ?? "").slice(0, MAX_SCAN),
    stack: (input.stackTrace ?? "").slice(0, MAX_SCAN),
    source: (input.source ?? "").slice(0, MAX_SCAN),
  };
  const rule = firstRule(fields) ?? causeRule(input.causes, fields.source);
  const clientCategory = present(input.category) ? input.category : undefined;
  const category = clientCategory ?? rule?.category ?? "unknown";

  let severity: Severity;
  if (input.severity !== undefined) {
    severity = input.severity;
  } else {
    const pinned = clientCategory !== undefined ? knownCategory(clientCategory) : undefined;
    severity = pinned
      ? (firstRule(fields, pinned)?.severity ?? CATEGORY_DEFAULT_SEVERITY[pinned])
      : (rule?.severity ?? "medium");
  }

  let source: string;
  if (present(input.source)) {
    source = input.source;
  } else if (present(input.agentId)) {
    source = "agent";
  } else {
    const bucket = knownCategory(category) ?? rule?.category ?? "unknown";
    source = SOURCE_RULES.find((r) => matches(r.match, fields))?.source ?? CATEGORY_SOURCE[bucket];
  }

  return { severity, category, source };
}
