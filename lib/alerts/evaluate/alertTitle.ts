import { formatDuration } from "@/lib/alerts/evaluate/formatDuration";
import { issueTitle } from "@/lib/domain/issueTitle";
import type { AlertRuleKind, Severity } from "@/lib/generated/prisma/enums";

export interface TitleInput {
  kind: AlertRuleKind;
  eventSeverity: Severity | null;
  threshold: number;
  windowSeconds: number;
  value: number;
  diskDaysLeft?: number | null;
  error?: { type: string; message: string } | null;
  projectName?: string | null;
  /** ingest_health: the alert is about the disk forecast (value: days left), not lost events. */
  disk?: boolean;
  /** user_feedback: what the person wrote. */
  comments?: string;
}

const MAX_TITLE = 240;

/** One line saying what happened, used in the alert list and as the notification subject. */
export function alertTitle(input: TitleInput): string {
  const error = input.error ? issueTitle(input.error) : "";
  const where = input.projectName ? ` in ${input.projectName}` : "";
  let title: string;
  switch (input.kind) {
    case "severity_count": {
      const level = input.eventSeverity ?? "any";
      title =
        input.windowSeconds === 0 && input.threshold === 1
          ? `${capitalise(level)} error: ${error}`
          : `${formatCount(input.value)} ${level} errors in ${formatDuration(input.windowSeconds)}: ${error}`;
      break;
    }
    case "new_issue":
      title = `New issue: ${error}`;
      break;
    case "regression":
      title = `Regression: ${error}`;
      break;
    case "user_feedback": {
      const words = (input.comments ?? "").replace(/\s+/g, " ").trim();
      const words80 = words.length > 80 ? `${words.slice(0, 79)}…` : words;
      title = `User feedback${where}: “${words80}”${error ? ` on ${error}` : ""}`;
      break;
    }
    case "error_rate":
      title = `Error rate ${formatNumber(input.value)}%${where} (above ${formatNumber(input.threshold)}% over ${formatDuration(input.windowSeconds)})`;
      break;
    case "ingest_health":
      title = input.disk
        ? `Disk: ${formatNumber(input.value)} days left at the current growth (below ${formatNumber(input.diskDaysLeft ?? 0)})`
        : `${formatCount(input.value)} events lost${where} in ${formatDuration(input.windowSeconds)} (dropped or rate-limited)`;
      break;
    case "spike":
      title = `Error spike${where}: ${Number.isFinite(input.value) ? `${formatNumber(input.value)}×` : "from zero to"} the baseline in ${formatDuration(input.windowSeconds)}`;
      break;
  }
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function formatCount(n: number): string {
  return n >= 10_000 ? "10,000+" : String(n);
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
