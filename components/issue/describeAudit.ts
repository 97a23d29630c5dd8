import { unassignReasonText } from "@/lib/assignment/unassignReasons";
import { countOf } from "@/lib/client/format";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";

type Entry = ErrorDetails["audit"][number];

interface Details {
  inNextRelease?: boolean;
  ignoreDurationMinutes?: number;
  ignoreCount?: number;
  ignoreUserCount?: number;
}

/** One audit entry in words: "resolved it in the next release", "ignored it until 10 more events"… */
export function describeAudit(entry: Entry, nameOf: (id: string) => string | null): string {
  const verb = entry.action.replace(/^error\./, "");
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const details = (after.statusDetails ?? {}) as Details;
  const condition = details.inNextRelease
    ? " in the next release"
    : details.ignoreDurationMinutes
      ? ` for ${formatMinutes(details.ignoreDurationMinutes)}`
      : details.ignoreCount
        ? ` until ${countOf(details.ignoreCount, "more event")}`
        : details.ignoreUserCount
          ? ` until ${countOf(details.ignoreUserCount, "more user")}`
          : "";
  switch (verb) {
    case "updated": {
      const fields = Object.keys(after).filter((f) => f !== "statusDetails" && f !== "status" && f !== "reason");
      if (fields.length === 1 && fields[0] === "assigneeId") {
        const who = typeof after.assigneeId === "string" ? (after.assigneeId === entry.actor?.id ? "themselves" : nameOf(after.assigneeId)) : null;
        const why = unassignReasonText(after.reason);
        return after.assigneeId ? `assigned it${who ? ` to ${who}` : ""}` : `unassigned it${why ? ` (${why})` : ""}`;
      }
      if (after.status === "ignored" && condition) return `changed the ignore condition to${condition}`;
      return `updated ${fields.join(", ") || "the issue"}`;
    }
    case "regressed":
      return "reopened it (new events after it was resolved)";
    case "reopened":
      return `reopened it (${typeof after.reason === "string" ? after.reason : "its condition was met"})`;
    case "new":
      return "reopened it";
    case "resolved":
      return `resolved it${condition}`;
    case "ignored":
      return `ignored it${condition || " forever"}`;
    case "acknowledged":
      return "acknowledged it";
    case "investigating":
      return "started investigating it";
    case "merged": {
      const merged = Array.isArray(after.merged) ? after.merged.length : 0;
      return merged === 1 ? "merged another issue into it" : `merged ${merged || "other"} issues into it`;
    }
    case "merged_into":
      return "merged it into another issue";
    case "unmerged":
      return "moved events out of it into a new issue";
    case "discarded":
      return "discarded its new events";
    case "linked":
      return `linked it to ${typeof after.label === "string" ? after.label : "an issue elsewhere"}`;
    case "unlinked": {
      const before = (entry.before ?? {}) as Record<string, unknown>;
      return `removed its link to ${typeof before.label === "string" ? before.label : "an issue elsewhere"}`;
    }
    case "discard_stopped":
      return "kept its new events again";
    case "split_from":
      return "opened it with events moved out of another issue";
    case "auto_assigned": {
      const who = typeof after.assigneeId === "string" ? nameOf(after.assigneeId) : after.assigneeTeamId ? "a team" : null;
      const rule = typeof after.ruleName === "string" ? ` by the rule “${after.ruleName}”` : " by an assignment rule";
      return `assigned it${who ? ` to ${who}` : ""}${rule}`;
    }
    default:
      return `marked it ${verb.replace(/_/g, " ")}`;
  }
}

function formatMinutes(minutes: number): string {
  if (minutes % 1440 === 0) return countOf(minutes / 1440, "day");
  if (minutes % 60 === 0) return countOf(minutes / 60, "hour");
  return countOf(minutes, "minute");
}
