import type { z } from "zod";
import type { ValidationIssue } from "@/lib/http/ApiError";

const MAX_ISSUES = 50;

type Issue = z.core.$ZodIssue;

/** Flattens zod issues into `{ path: "events[3].recovery.recovered", message }`. */
export function zodIssues(error: z.ZodError, prefix = ""): ValidationIssue[] {
  return error.issues.flatMap((issue) => flatten(issue, [])).slice(0, MAX_ISSUES).map(({ path, message }) => ({ path: formatPath(prefix, path), message }));
}

/**
 * An object's unknown keys are one issue each, at the key (`stauts`, not the object holding it).
 * A union's issue ("Invalid input" at `stackTrace`, text or frames) said neither which field was
 * wrong nor what was expected. When the value had the type of exactly one alternative (an array:
 * frames), that alternative's own issues are given (`stackTrace[0].lineno: Too small…`); when it had
 * none of their types, the types expected are named.
 */
function flatten(issue: Issue, base: readonly PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  const path = [...base, ...issue.path];
  // zod names an object's unknown keys in `keys`, at the object's path: each key is the field at fault (`bogus`, `events[0].bogus`).
  if (issue.code === "unrecognized_keys") return issue.keys.map((key) => ({ path: [...path, key], message: `Unrecognized key: "${key}"` }));
  if (issue.code !== "invalid_union" || !Array.isArray(issue.errors) || issue.errors.length === 0) return [{ path, message: issue.message }];
  const wrongType = (branch: Issue[]) => branch.length === 1 && branch[0].code === "invalid_type" && branch[0].path.length === 0;
  const matched = issue.errors.filter((branch) => !wrongType(branch));
  if (matched.length === 1) return matched[0].flatMap((inner) => flatten(inner, path));
  if (matched.length === 0) {
    const expected = [...new Set(issue.errors.map((branch) => (branch[0] as { expected?: unknown }).expected).filter((e): e is string => typeof e === "string"))];
    if (expected.length > 0) return [{ path, message: `Invalid input: expected ${expected.join(" or ")}` }];
  }
  return [{ path, message: issue.message }];
}

function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "(root)";
}
