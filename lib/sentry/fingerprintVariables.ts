import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { basename } from "@/lib/ingest/stacktrace/location";
import { isBinaryFrame } from "@/lib/grouping/frames/frameLanguage";

/** What a Sentry fingerprint's variables are filled in from. */
export interface FingerprintFacts {
  transaction?: string;
  /** The raised exception's type and value; undefined for a message. */
  exceptionType?: string;
  exceptionValue?: string;
  /** The event's message: what it logged, else the raised exception's value. */
  message?: string;
  level?: string;
  logger?: string;
  tags?: Record<string, string>;
  /** The event's frames, outermost first. */
  frames?: Frame[];
}

const VARIABLE = /^\{\{\s*([\w.-]+)\s*\}\}$/;
/** Variables named without `stack.` that read the crashing frame. */
const FRAME_VARIABLES = new Set(["function", "module", "package", "path", "filename"]);

/**
 * A Sentry SDK's `fingerprint` with its variables filled in, as the SDKs document ("variables are
 * the same as for fingerprint rules"): `{{ transaction }}`, `{{ type }}` / `{{ error.type }}`,
 * `{{ value }}` / `{{ error.value }}`, `{{ message }}`, `{{ function }}` / `{{ stack.function }}`,
 * `{{ module }}` / `{{ stack.module }}`, `{{ package }}` / `{{ stack.package }}`, `{{ path }}` /
 * `{{ stack.abs_path }}`, `{{ filename }}` / `{{ stack.filename }}` (of the crashing frame: the
 * innermost in-app one, else the innermost), `{{ level }}`, `{{ logger }}`, `{{ tags.NAME }}`. Read as literal text, ["{{ transaction }}", "db-error"] made every
 * transaction's errors one issue. A value the event lacks is a stable "<no-…>" placeholder;
 * `{{ default }}` and unknown variables are left for the fingerprint code (lib/grouping), which
 * expands the first and keeps the others as written. Only whole elements are variables. Pure.
 */
export function resolveFingerprintVariables(parts: string[], facts: FingerprintFacts): string[] {
  return parts.map((part) => {
    const name = VARIABLE.exec(part.trim())?.[1]?.toLowerCase();
    return name === undefined ? part : (valueOf(name, facts) ?? part);
  });
}

function valueOf(name: string, facts: FingerprintFacts): string | undefined {
  if (name.startsWith("tags.")) {
    const tag = name.slice("tags.".length);
    return facts.tags?.[tag] ?? `<no-value-for-tag-${tag}>`;
  }
  const frame = name.startsWith("stack.") || FRAME_VARIABLES.has(name) ? crashingFrame(facts.frames) : undefined;
  switch (name) {
    case "transaction":
      return facts.transaction || "<no-transaction>";
    case "type":
    case "error.type":
      return facts.exceptionType || "<no-type>";
    case "value":
    case "error.value":
      return facts.exceptionValue || "<no-value>";
    case "message":
      return facts.message || "<no-message>";
    case "function":
    case "stack.function":
      return frame?.function || "<no-function>";
    case "module":
    case "stack.module":
      return (frame && !isBinaryFrame(frame) ? frame.module : undefined) || "<no-module>";
    case "package":
    case "stack.package":
      // The binary (native) or assembly (.NET) the frame lies in, by name: its path holds an install id on iOS.
      return (frame?.module ? basename(frame.module) : undefined) || "<no-package>";
    case "path":
    case "stack.abs_path":
      return frame?.absPath || frame?.filename || "<no-abs-path>";
    case "filename":
    case "stack.filename":
      return frame?.filename || (frame?.absPath ? basename(frame.absPath) : undefined) || "<no-filename>";
    case "level":
      return (facts.level || "error").toLowerCase();
    case "logger":
      return facts.logger || "<no-logger>";
    default:
      return undefined;
  }
}

function crashingFrame(frames: Frame[] | undefined): Frame | undefined {
  if (!frames || frames.length === 0) return undefined;
  return [...frames].reverse().find((f) => f.inApp === true) ?? frames.at(-1);
}
