import { createHash } from "node:crypto";
import { cleanFileName } from "@/lib/ingest/frameNames/cleanFileName";
import { cleanFunctionName } from "@/lib/ingest/frameNames/cleanFunctionName";
import { cleanDotnetNames, cleanModuleName } from "@/lib/ingest/frameNames/cleanModuleName";
import { parameteriseMessage } from "@/lib/ingest/parameteriseMessage";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { guessInApp } from "@/lib/ingest/stacktrace/inApp";

/** Innermost frames kept: the throw site matters; deep framework/bootstrap frames add noise. */
export const MAX_FINGERPRINT_FRAMES = 30;

export type FingerprintBasis = "custom" | "stack" | "message";

export interface FingerprintInput {
  type: string;
  message: string;
  /** Outermost first, innermost (throw site) last, as in ParsedStack. */
  frames: Frame[];
  custom?: string[];
}

/**
 * "module-or-file:function" for one frame, with everything that differs between deploys
 * or hosts removed (line/column numbers, directories, bundle hashes, query strings,
 * compiler-generated closure names). null when the frame has neither name nor location.
 */
export function normaliseFrame(frame: Frame): string | null {
  let module = frame.module?.trim() ?? "";
  let fn = frame.function?.trim() ?? "";
  if (module && (module.includes("<") || fn.includes("<"))) {
    ({ module, function: fn } = cleanDotnetNames(module, fn));
  }
  module = cleanModuleName(module);
  fn = cleanFunctionName(fn);
  const where = module || cleanFileName(frame.filename || frame.absPath || "");
  if (!where && !fn) return null;
  return `${where}:${fn}`;
}

/** The literal that a custom fingerprint uses to include the default grouping. */
const DEFAULT_MARKER = /^\{\{\s*default\s*\}\}$/;

/**
 * Group key for an event. Default: exception type + normalised stack (in-app frames only
 * when there are any), or type + parameterised message when no frame is usable.
 * A custom fingerprint replaces the default unless it contains "{{ default }}", which
 * expands to the default components (e.g. ["{{ default }}", tenantId] splits by tenant).
 */
export function computeFingerprint(input: FingerprintInput): { fingerprint: string; basis: FingerprintBasis } {
  const custom = (input.custom ?? []).filter((part) => typeof part === "string");
  if (custom.length > 0) {
    const parts = custom.flatMap((part) => (DEFAULT_MARKER.test(part.trim()) ? defaultComponents(input).parts : [part]));
    return { fingerprint: hash(["custom", ...parts]), basis: "custom" };
  }
  const { basis, parts } = defaultComponents(input);
  return { fingerprint: hash(parts), basis };
}

function defaultComponents(input: FingerprintInput): { basis: "stack" | "message"; parts: string[] } {
  const type = (input.type ?? "").trim();
  const frames = stackComponents(input.frames ?? []);
  if (frames.length > 0) return { basis: "stack", parts: ["stack", type, ...frames] };
  return { basis: "message", parts: ["message", type, parameteriseMessage(input.message ?? "")] };
}

function stackComponents(frames: Frame[]): string[] {
  const inApp = frames.filter((f) => f.inApp ?? guessInApp(f));
  const chosen = inApp.length > 0 ? inApp : frames;
  const names: string[] = [];
  for (const frame of chosen) {
    const name = normaliseFrame(frame);
    // Collapse consecutive repeats so recursion depth doesn't change the group.
    if (name !== null && name !== names[names.length - 1]) names.push(name);
  }
  return names.slice(-MAX_FINGERPRINT_FRAMES);
}

function hash(parts: string[]): string {
  // NUL separators: no component can contain one, so ["a b", "c"] never equals ["a", "b c"].
  const data = parts.map((p) => p.replace(/\0/g, "")).join("\0");
  return createHash("sha256").update(data).digest("hex").slice(0, 32);
}
