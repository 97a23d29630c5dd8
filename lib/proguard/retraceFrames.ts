import type { Frame } from "@/lib/ingest/stacktrace/frame";
import type { ClassMapping, MethodMapping, ProguardMapping } from "@/lib/proguard/proguardMapping";

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
 * several methods into becomes one frame per method (the caller before the callee). Frames no
 * mapping knows are returned as they are. A retraced frame in `appPackage` (the app's package, from
 * an Android release "com.example.shop@1.4.2+42") is application code: the SDK judged it by its
 * obfuscated name, which no in-app package matches. Pure.
 */
export function retraceFrames(frames: Frame[], mappings: ProguardMapping[], appPackage?: string): Frame[] {
  return frames.flatMap((frame) => {
    const retraced = retraceFrame(frame, mappings);
    if (!appPackage || (retraced.length === 1 && retraced[0] === frame)) return retraced;
    return retraced.map((f) => (f.module?.startsWith(`${appPackage}.`) ? { ...f, inApp: true } : f));
  });
}

/** The app's package an Android release names ("com.example.shop@1.4.2+42"), if it names one. */
export function appPackageOf(release: string | undefined): string | undefined {
  const name = release?.split("@")[0];
  return name && /^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)+$/.test(name) && name !== release ? name : undefined;
}

/** One frame retraced: one or more frames, outermost call first (the frame itself when no mapping knows its class). */
export function retraceFrame(frame: Frame, mappings: ProguardMapping[]): Frame[] {
  if (!frame.module) return [frame];
  for (const mapping of mappings) {
    const owner = mapping.classNamed(frame.module);
    if (owner) return framesFor(frame, owner, mapping);
  }
  return [frame];
}

function framesFor(frame: Frame, owner: ClassMapping, mapping: ProguardMapping): Frame[] {
  const candidates = frame.function === undefined ? undefined : owner.methods.get(frame.function);
  const matched = candidates ? matching(candidates, frame.lineno) : [];
  if (matched.length === 0) {
    // The class is known but not the method at this line: the class is still worth reading.
    return [withFile({ ...frame, module: owner.originalName }, fileOf(frame, owner.originalName, mapping))];
  }
  // File order is innermost first; frames are outermost first.
  return matched
    .map((entry) => {
      const className = entry.originalClass ?? owner.originalName;
      const out = withFile({ ...frame, module: className, function: entry.originalName }, fileOf(frame, className, mapping));
      const line = originalLine(entry, frame.lineno);
      if (line !== undefined) out.lineno = line;
      else delete out.lineno;
      return out;
    })
    .reverse();
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
