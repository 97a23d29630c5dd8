/** What assignment rules can look at, from an event being stored or from an issue and its latest event. */
export interface IssueFacts {
  /** The issue's project: a `project` condition matches its name or its slug. */
  project: { name: string; slug: string };
  type: string;
  message: string;
  category: string;
  severity: string;
  tags: Record<string, string>;
  frames: { filename?: string; absPath?: string; module?: string }[];
}

/** Tag values as strings; objects and arrays are not matchable and are left out. */
export function stringTags(tags: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!tags || typeof tags !== "object" || Array.isArray(tags)) return out;
  for (const [key, value] of Object.entries(tags as Record<string, unknown>)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") out[key] = String(value);
  }
  return out;
}

/** Frames stored as JSON on an issue: only the fields rules look at, tolerant of any shape. */
export function frameFacts(frames: unknown): IssueFacts["frames"] {
  if (!Array.isArray(frames)) return [];
  return frames
    .filter((f): f is Record<string, unknown> => Boolean(f) && typeof f === "object")
    .map((f) => ({
      filename: typeof f.filename === "string" ? f.filename : undefined,
      absPath: typeof f.absPath === "string" ? f.absPath : undefined,
      module: typeof f.module === "string" ? f.module : undefined,
    }));
}
