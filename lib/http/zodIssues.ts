import type { z } from "zod";
import type { ValidationIssue } from "@/lib/http/ApiError";

/** Flattens zod issues into `{ path: "events[3].recovery.recovered", message }`. */
export function zodIssues(error: z.ZodError, prefix = ""): ValidationIssue[] {
  return error.issues.slice(0, 50).map((issue) => ({
    path: formatPath(prefix, issue.path),
    message: issue.message,
  }));
}

function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "(root)";
}
