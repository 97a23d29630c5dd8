import { sdkMarkedNoFrameInApp, withoutInAppFlag } from "@/lib/grouping/frames/blanketNotInApp";
import { classifyFrame, type FrameOverride } from "@/lib/grouping/frames/classifyFrame";
import { languageOfFrame } from "@/lib/grouping/frames/frameLanguage";
import { withCurrentNativeInApp } from "@/lib/grouping/frames/currentNativeInApp";
import type { StoredChainException } from "@/lib/grouping/chain/ChainException";
import { FrameSchema, type Frame } from "@/lib/ingest/stacktrace/frame";
import { applyInApp } from "@/lib/ingest/stacktrace/inApp";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";
import { languageOfPlatform } from "@/lib/ingest/stacktrace/platformLanguage";

interface StackSource {
  stackTrace: string | null;
  /** The exception chain stored with the occurrence (raised first), each with its structured frames. */
  exceptions?: unknown;
  /** The occurrence's own source lines (lib/ingest/sourceContext.ts); null for rows stored before they were kept. */
  sourceContext?: unknown;
}

interface GroupStack {
  stackTrace: string | null;
  frames: unknown;
  platform: string | null;
}

/**
 * The structured frames of one event's raised exception, outermost first: the frames stored in the
 * event's own exception chain (an SDK's frames with their variables, paths, modules and in-app flags,
 * kept for every structured event); else, for an event sent as text, the issue's representative
 * frames when its trace text is the same (read from the same text, with its first event's source
 * lines); else the event's trace text parsed again.
 */
export function eventFrames(occurrence: StackSource, group: GroupStack): Frame[] {
  const sameTrace = Boolean(occurrence.stackTrace) && occurrence.stackTrace === group.stackTrace;
  const own = validFrames(raisedOf(occurrence.exceptions)?.frames);
  // A row stored before events kept their own source lines: the issue's, where the line is the same.
  if (own) return sameTrace && occurrence.sourceContext == null ? withIssueContext(own, group.frames) : own;
  if (sameTrace) {
    const representative = validFrames(group.frames);
    if (representative) return representative;
  }
  if (!occurrence.stackTrace) return [];
  const parsed = parseStackTrace(occurrence.stackTrace, group.platform ?? undefined);
  return withCurrentNativeInApp(applyInApp(parsed.frames, parsed.language), parsed.language);
}

/**
 * An event's own frames with the lines around each taken from the issue's representative frame at the
 * same place (same trace text, so the same frames in the same order) when its own line is the same
 * (the same code): its variables, paths and the rest stay its own.
 */
function withIssueContext(own: Frame[], stored: unknown): Frame[] {
  const representative = validFrames(stored);
  if (!representative || representative.length !== own.length) return own;
  return own.map((frame, i) => {
    const issue = representative[i];
    const same = frame.contextLine !== undefined && frame.contextLine === issue.contextLine && frame.lineno === issue.lineno && frame.filename === issue.filename;
    if (!same || (frame.preContext !== undefined && frame.postContext !== undefined)) return frame;
    return { ...frame, ...(issue.preContext && { preContext: issue.preContext }), ...(issue.postContext && { postContext: issue.postContext }) };
  });
}

/** The raised exception of a stored chain (its first entry); undefined when none is stored. */
function raisedOf(chain: unknown): { frames?: unknown; type?: unknown } | undefined {
  const first: unknown = Array.isArray(chain) ? chain[0] : undefined;
  return first && typeof first === "object" ? (first as { frames?: unknown; type?: unknown }) : undefined;
}

/**
 * The type of an event's own raised exception, kept in its stored chain; else the issue's (an event
 * sent as a single text trace stores no chain). An issue holds events of other types when an SDK's
 * fingerprint or a merge put them together: each is shown and exported as what it is.
 */
export function eventTypeOf(chain: unknown, issueType: string): string {
  const type = raisedOf(chain)?.type;
  return typeof type === "string" && type.length > 0 ? type : issueType;
}

/** The frames of stored JSON that are valid frames; null when none are. */
export function validFrames(value: unknown): Frame[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const frames = value.map((f) => FrameSchema.safeParse(f)).filter((r) => r.success).map((r) => r.data);
  return frames.length > 0 ? frames : null;
}

const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  js: "javascript", mjs: "javascript", cjs: "javascript", jsx: "jsx", ts: "typescript", tsx: "tsx", html: "markup", htm: "markup",
  py: "python", rb: "ruby", go: "go", java: "java", kt: "kotlin", kts: "kotlin", scala: "scala", cs: "csharp", php: "php",
  rs: "rust", swift: "swift", c: "c", h: "c", cc: "cpp", cpp: "cpp", hpp: "cpp", ex: "elixir", exs: "elixir", dart: "dart",
  lua: "lua", pl: "perl", pm: "perl", t: "perl", psgi: "perl", ml: "ocaml", mli: "ocaml", hs: "haskell", lhs: "haskell",
  jl: "julia", zig: "zig", cr: "crystal", nim: "nim", nims: "nim",
};

const LANGUAGE_BY_PLATFORM: Record<string, string> = {
  javascript: "javascript", node: "javascript", browser: "javascript", typescript: "typescript", python: "python", java: "java",
  kotlin: "kotlin", go: "go", ruby: "ruby", dotnet: "csharp", csharp: "csharp", php: "php", elixir: "elixir", rust: "rust",
  lua: "lua", luajit: "lua", openresty: "lua", perl: "perl", ocaml: "ocaml", haskell: "haskell", ghc: "haskell",
  julia: "julia", zig: "zig", crystal: "crystal", nim: "nim",
};

/**
 * A frame as the event viewer shows it: in-app exactly when grouping keys on it — the SDK's flag,
 * then the known frameworks and runtimes over an SDK's in_app=true, then the project's frame rules
 * (`override`) — so a Spring or ASP.NET frame of a trace sent as text is not shown as the app's own;
 * with its source's highlighting language. `flagsUnset`: the SDK flagged every frame of the event
 * in_app false, which grouping reads as no flags at all (inAppFlagsUnset).
 */
export function viewFrame<F extends Frame>(frame: F, platform: string | null, override?: FrameOverride, clientFrames = false, flagsUnset = false): F & { inApp: boolean; language: string } {
  return { ...frame, inApp: isShownInApp(frame, platform, override, clientFrames, flagsUnset), language: frameLanguage(frame, platform) };
}

/** In-app as grouping (version 2) judges the frame; `clientFrames`: a client sent the frames structured (hasClientFrames). */
function isShownInApp(frame: Frame, platform: string | null, override: FrameOverride | undefined, clientFrames: boolean, flagsUnset = false): boolean {
  const judged = flagsUnset ? withoutInAppFlag(frame) : frame;
  return classifyFrame(judged, languageOfFrame(frame, languageOfPlatform(platform)), override, clientFrames) === "app";
}

/**
 * Whether grouping set the SDK's in_app flags of these stacks aside (lib/grouping/frames/blanketNotInApp.ts):
 * a client's frames, every one flagged false.
 */
export function inAppFlagsUnset(stacks: Frame[][], clientFrames: boolean): boolean {
  return clientFrames && sdkMarkedNoFrameInApp(stacks.map((frames) => ({ frames, clientFrames: true })));
}

/** A stored exception chain with each frame's in-app flag as the event viewer shows it (see viewFrame); null when none is stored. */
export function viewChain(stored: unknown, platform: string | null, override?: FrameOverride, clientFrames = false): StoredChainException[] | null {
  if (!Array.isArray(stored)) return null;
  const chain = (stored as StoredChainException[]).map((exception) => ({ exception, frames: validFrames(exception?.frames) ?? [] }));
  const unset = inAppFlagsUnset(chain.map((e) => e.frames), clientFrames);
  return chain.map(({ exception, frames }) => ({ ...exception, frames: frames.map((frame) => viewFrame(frame, platform, override, clientFrames, unset)) }));
}

/**
 * An issue's stored representative frames with each in-app flag as grouping judges it: stored frames of
 * a text trace carry grouping version 1's guess (a Spring or Tomcat frame in-app), kept for version-1
 * keys; null when none are stored.
 */
export function viewStoredFrames(stored: unknown, platform: string | null, override?: FrameOverride, clientFrames = false): Frame[] | null {
  const frames = validFrames(stored);
  if (!frames) return null;
  const unset = inAppFlagsUnset([frames], clientFrames);
  return frames.map((frame) => ({ ...frame, inApp: isShownInApp(frame, platform, override, clientFrames, unset) }));
}

/** The highlighting language of a frame's source: its file extension, else the event's platform. */
export function frameLanguage(frame: Frame, platform: string | null): string {
  const path = (frame.filename ?? frame.absPath ?? "").replace(/[?#].*$/, "");
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  if (ext && LANGUAGE_BY_EXTENSION[ext]) return LANGUAGE_BY_EXTENSION[ext];
  return (platform && LANGUAGE_BY_PLATFORM[platform.toLowerCase()]) || "text";
}
