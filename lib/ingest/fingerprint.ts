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

const MAX_NAME = 1024;
const MAX_PATH = 4096;

/**
 * "module-or-file:function" for one frame, with everything that differs between deploys
 * or hosts removed (line/column numbers, directories, bundle hashes, query strings,
 * compiler-generated closure names). null when the frame has neither name nor location.
 */
export function normaliseFrame(frame: Frame): string | null {
  // Caps bound the work on frames that skipped schema validation; real names are far shorter.
  let moduleName = frame.module?.slice(0, MAX_NAME).trim() ?? "";
  let fn = frame.function?.slice(0, MAX_NAME).trim() ?? "";
  if (moduleName && (moduleName.includes("<") || fn.includes("<"))) {
    ({ module: moduleName, function: fn } = cleanDotnetNames(moduleName, fn));
  }
  moduleName = cleanModuleName(moduleName);
  fn = cleanFunctionName(fn);
  const where = moduleName || cleanFileName((frame.filename || frame.absPath || "").slice(-MAX_PATH));
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
  const isDefault = (part: string) => DEFAULT_MARKER.test(part.trim());
  // ["{{ default }}"] alone asks for exactly the default grouping.
  if (custom.length > 0 && !custom.every(isDefault)) {
    const defaults = defaultComponents(input).parts;
    const parts = custom.flatMap((part) => (isDefault(part) ? defaults : [part]));
    // The "custom" prefix keeps a custom array from colliding with a default key.
    return { fingerprint: hash(["custom", ...parts]), basis: "custom" };
  }
  const { basis, parts } = defaultComponents(input);
  return { fingerprint: hash(parts), basis };
}

function defaultComponents(input: FingerprintInput): { basis: "stack" | "message"; parts: string[] } {
  const type = (input.type ?? "").trim();
  const frames = sharedStackComponents(input.frames ?? []);
  if (frames.length > 0) return { basis: "stack", parts: ["stack", type, ...frames] };
  return { basis: "message", parts: ["message", type, parameteriseMessage(input.message ?? "")] };
}

/**
 * A frozen frames array is shared by every event repeating a trace (lib/grouping/chain/parsedChainCache.ts):
 * its components are worked out once, held weakly with it.
 */
const shared = new WeakMap<Frame[], readonly string[]>();

function sharedStackComponents(frames: Frame[]): readonly string[] {
  if (!Object.isFrozen(frames)) return stackComponents(frames);
  let components = shared.get(frames);
  if (!components) shared.set(frames, (components = Object.freeze(stackComponents(frames))));
  return components;
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
