import type { Frame } from "@/lib/ingest/stacktrace/frame";
import type { ClassMapping, MethodMapping, ProguardMapping, RewriteFrame } from "@/lib/proguard/proguardMapping";

/** R8's placeholder for a stripped source file name. */
const PLACEHOLDER_FILE = "SourceFile";

/** An obfuscated class's original name (fully qualified), from the first mapping that knows it. */
export function originalClassName(name: string, mappings: ProguardMapping[]): string | undefined {
  for (const mapping of mappings) {
    const found = mapping.originalNameOf(name);
    if (found) return found;
  }
  return undefined;
}

/**
 * Frames (outermost call first) as they were written: each frame whose class (`module`) an uploaded
 * mapping knows gets its original class, method, line and source file — and a frame R8 inlined
 * several methods into becomes one frame per method (the caller before the callee). A frame in a
 * method R8 outlined is dropped and its caller read at the line the outline stood for; when
 * `thrown` (the exception's original class) is one R8 rewrote frames for, the innermost frame's
 * inner frames R8 added are dropped. Frames no mapping knows are returned as they are. A retraced
 * frame in `appPackage` (the app's package, from an Android release "com.example.shop@1.4.2+42") is
 * application code: the SDK judged it by its obfuscated name, which no in-app package matches. Pure.
 */
export function retraceFrames(frames: Frame[], mappings: ProguardMapping[], appPackage?: string, thrown?: string): Frame[] {
  const stack = new StackRetracer(mappings, thrown);
  const out: Frame[][] = [];
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i];
    const retraced = stack.next(frame);
    if (!appPackage || (retraced.length === 1 && retraced[0] === frame)) out.push(retraced);
    else out.push(retraced.map((f) => (f.module?.startsWith(`${appPackage}.`) ? { ...f, inApp: true } : f)));
  }
  return out.reverse().flat();
}

/**
 * Retraces one stack's frames innermost first (the order a JVM prints them), carrying what R8's
 * metadata needs across frames: an outline frame's position to its caller, and the thrown
 * exception's rewrite rules to the innermost frame.
 */
export class StackRetracer {
  private outlinePosition: number | undefined;
  private innermost = true;

  constructor(
    private readonly mappings: ProguardMapping[],
    private readonly thrown?: string,
  ) {}

  /** The next frame outwards, retraced (outermost first); [] for an outline R8 created; the frame itself when no mapping knows it. */
  next(frame: Frame): Frame[] {
    const resolved = resolveFrame(frame, this.mappings, this.outlinePosition);
    this.outlinePosition = undefined;
    if (resolved.outline) {
      this.outlinePosition = frame.lineno;
      return [];
    }
    const innermost = this.innermost;
    this.innermost = false;
    return innermost && this.thrown ? rewritten(resolved.frames, resolved.rewrites, this.thrown) : resolved.frames;
  }
}

/** The app's package an Android release names ("com.example.shop@1.4.2+42"), if it names one. */
export function appPackageOf(release: string | undefined): string | undefined {
  const name = release?.split("@")[0];
  return name && /^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)+$/.test(name) && name !== release ? name : undefined;
}

/** One frame retraced, and what R8 recorded about the methods it maps to. */
interface ResolvedFrame {
  /** Outermost call first; the frame itself when no mapping knows its class. */
  frames: Frame[];
  /** The frame is in a method R8 created by outlining code. */
  outline: boolean;
  rewrites: RewriteFrame[];
}

/** One frame retraced: one or more frames, outermost call first (the frame itself when no mapping knows its class). */
export function retraceFrame(frame: Frame, mappings: ProguardMapping[]): Frame[] {
  return resolveFrame(frame, mappings, undefined).frames;
}

function resolveFrame(frame: Frame, mappings: ProguardMapping[], outlinePosition: number | undefined): ResolvedFrame {
  if (frame.module) {
    for (const mapping of mappings) {
      const owner = mapping.classNamed(frame.module);
      if (owner) return framesFor(frame, owner, mapping, outlinePosition);
    }
  }
  return { frames: [frame], outline: false, rewrites: [] };
}

function framesFor(received: Frame, owner: ClassMapping, mapping: ProguardMapping, outlinePosition: number | undefined): ResolvedFrame {
  const candidates = received.function === undefined ? undefined : owner.methods.get(received.function);
  let frame = received;
  let matched = candidates ? matching(candidates, frame.lineno) : [];
  // The call of an outline: the line the outline's position stands for in this method.
  const callsiteLine = outlinePosition === undefined ? undefined : matched.find((e) => e.outlineCallsite)?.outlineCallsite?.[String(outlinePosition)];
  if (candidates && callsiteLine !== undefined) {
    frame = { ...frame, lineno: callsiteLine };
    matched = matching(candidates, callsiteLine);
  }
  if (matched.length === 0) {
    // The class is known but not the method at this line: the class is still worth reading.
    return { frames: [withFile({ ...frame, module: owner.originalName }, fileOf(frame, owner.originalName, mapping))], outline: false, rewrites: [] };
  }
  // File order is innermost first; frames are outermost first.
  const frames = matched
    .map((entry) => {
      const className = entry.originalClass ?? owner.originalName;
      const out = withFile({ ...frame, module: className, function: entry.originalName }, fileOf(frame, className, mapping));
      const line = originalLine(entry, frame.lineno);
      if (line !== undefined) out.lineno = line;
      else delete out.lineno;
      return out;
    })
    .reverse();
  return { frames, outline: matched.every((e) => e.outline), rewrites: matched.flatMap((e) => e.rewriteFrames ?? []) };
}

/** The innermost frame's frames without the inner ones R8's rules drop for this exception (the outermost always stays). */
function rewritten(frames: Frame[], rewrites: RewriteFrame[], thrown: string): Frame[] {
  const remove = rewrites.filter((r) => r.throws.includes(thrown)).reduce((n, r) => n + r.removeInnerFrames, 0);
  return remove > 0 ? frames.slice(0, Math.max(1, frames.length - remove)) : frames;
}

/**
 * The entries for a line: those whose obfuscated range holds it (several when methods were inlined
 * there), else those without a range. Without a line, the entries when they all name one method.
 */
function matching(candidates: MethodMapping[], line: number | undefined): MethodMapping[] {
  if (line === undefined || line === 0) {
    const names = new Set(candidates.map((c) => `${c.originalClass ?? ""}.${c.originalName}`));
    return names.size === 1 ? [{ ...candidates[0], originalStart: undefined, obfuscatedStart: undefined }] : [];
  }
  const ranged = candidates.filter((c) => c.obfuscatedStart !== undefined && c.obfuscatedStart <= line && line <= (c.obfuscatedEnd ?? c.obfuscatedStart));
  if (ranged.length > 0) return ranged;
  const unranged = candidates.filter((c) => c.obfuscatedStart === undefined);
  const names = new Set(unranged.map((c) => `${c.originalClass ?? ""}.${c.originalName}`));
  return names.size === 1 ? [unranged[0]] : [];
}

/** The original line for an obfuscated one: offset into the original range, or its single line. */
function originalLine(entry: MethodMapping, line: number | undefined): number | undefined {
  if (entry.originalStart === undefined) {
    // No original range: ProGuard kept the lines (unless an obfuscated range says they moved).
    return entry.obfuscatedStart === undefined ? line : undefined;
  }
  // ":0:0": R8 kept no line for it (a synthetic or library method inlined there).
  if (entry.originalStart === 0) return undefined;
  if (line === undefined || entry.obfuscatedStart === undefined) return entry.originalStart;
  if (entry.originalEnd === undefined || entry.originalEnd === entry.originalStart) return entry.originalStart;
  return entry.originalStart + (line - entry.obfuscatedStart);
}

/** The class's source file when R8 recorded it; R8's "SourceFile" placeholder dropped otherwise. */
function fileOf(frame: Frame, className: string, mapping: ProguardMapping): string | undefined {
  const recorded = mapping.sourceFileOf(className) ?? mapping.sourceFileOf(className.split("$")[0]);
  return recorded ?? (frame.filename === PLACEHOLDER_FILE ? undefined : frame.filename);
}

function withFile(frame: Frame, filename: string | undefined): Frame {
  if (filename === undefined) delete frame.filename;
  else frame.filename = filename;
  // sentry-java repeats the file name as the path: R8's placeholder goes there too.
  if (frame.absPath === PLACEHOLDER_FILE) delete frame.absPath;
  return frame;
}
