import { withoutInAppFlag } from "@/lib/grouping/frames/blanketNotInApp";
import { classifyFrame, type FrameClass, type FrameOverride } from "@/lib/grouping/frames/classifyFrame";
import { CONTEXT_LINE_LANGUAGES, contextLineKey, isAnonymousFunctionKey } from "@/lib/grouping/frames/contextLineKey";
import { languageOfFrame } from "@/lib/grouping/frames/frameLanguage";
import { normaliseFile } from "@/lib/grouping/frames/normaliseFile";
import { normaliseFunction } from "@/lib/grouping/frames/normaliseFunction";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";

/** Innermost frames kept per exception: the raise site matters; the bottom of deep stacks is noise. */
export const MAX_GROUPING_FRAMES = 20;
/** Without app frames, the innermost library frames stand in (with the message, see `weak`). */
const MAX_LIBRARY_FRAMES = 6;
/** Longest repeated call cycle (a→b→a→b…) collapsed to one pass, so recursion depth never splits. */
const MAX_CYCLE = 4;
/**
 * A Kotlin coroutine resumed after a suspension shows only the resumed function and what it
 * called; the same code run without suspending shows its callers too. Such stacks keep this many
 * innermost app frames.
 */
const COROUTINE_APP_FRAMES = 2;
/**
 * JavaScript stacks are cut at 10 frames by default (Error.stackTraceLimit), lose their callers at
 * await boundaries in some engines and builds, and name down-levelled async bodies "<anonymous>":
 * only the innermost two named app frames are stable across engines, Node versions and TS targets.
 */
const JS_APP_FRAMES = 2;
/**
 * Rust futures, Dart's event loop and Elixir processes: what runs the failing code (a tokio worker or
 * block_on, a Flutter frame callback or a timer, a GenServer, a Phoenix pipeline or IEx) shows as
 * different callers for one bug, and Rust release builds inline callers away. The innermost two app
 * frames say where it is.
 */
const SCHEDULED_APP_FRAMES = 2;
const SCHEDULED_LANGUAGES = new Set<Language>(["rust", "dart", "elixir"]);

export interface SelectOptions {
  override?: FrameOverride;
  /**
   * Browser events: Safari prints no frames past an await, Chrome and Firefox do ("at async f",
   * "async*f"), so the async continuation is left out. Node/Deno/Bun always print it: kept.
   */
  dropAsyncContinuation?: boolean;
  /** The frames are a client's own structured frames: its in_app=true set by the user's configuration is honoured (classifyFrame). */
  clientFrames?: boolean;
  /**
   * The client flagged every frame of the event in_app false, which says nothing (sdkMarkedNoFrameInApp):
   * the frames are classified as if their flags were unset, by the project's rules and the built-in lists.
   */
  inAppFlagsUnset?: boolean;
}

export interface GroupingFrames {
  /** Normalised frame keys, outermost first. */
  keys: string[];
  /**
   * True when the frames alone do not tell bugs apart: no app frame was left (library frames stood
   * in), most app frames were minified, or none names a function. The fingerprint then adds the
   * normalised message.
   */
  weak: boolean;
  /** The innermost app frame: the culprit shown beside the title. */
  culprit: Frame | undefined;
}

/**
 * The frames of one exception that identify its bug, each reduced to a stable key:
 *  1. Go: the frames of a recovered re-panic (the deferred handler and `panic(…)`) are dropped.
 *  2. Browser JavaScript: the async continuation ("at async f", Firefox "async*f") is dropped when
 *     the synchronous part has app code — Safari prints none, Chrome and Firefox do.
 *  3. Runtime internals, builtins, proxies, reflection and compiler helpers are skipped.
 *  4. App frames are kept; library frames only when there is no app frame at all.
 *  5. Recursion (repeated frames and repeated cycles) collapses; the innermost 20 are kept
 *     (the innermost 2 for JavaScript, Rust, Dart and Elixir, and on JVM stacks that run through the
 *     coroutine dispatcher).
 */
export function selectGroupingFrames(frames: Frame[], eventLanguage: Language, options: SelectOptions = {}): GroupingFrames {
  const { override } = options;
  const chosen = eventLanguage === "go" ? dropRepanicFrames(frames) : frames;
  const classified = chosen.map((frame): Classified => {
    const language = languageOfFrame(frame, eventLanguage);
    const judged = options.inAppFlagsUnset ? withoutInAppFlag(frame) : frame;
    return { frame, language, cls: classifyFrame(judged, language, override, options.clientFrames) };
  });
  const afterAsync = options.dropAsyncContinuation ? dropAsyncContinuation(classified) : classified;
  const kept = dropAnonymousJs(afterAsync.filter((c) => c.cls !== "skip"));
  const app = kept.filter((c) => c.cls === "app");
  const usingLibrary = app.length === 0;
  const used = usingLibrary ? kept.slice(-MAX_LIBRARY_FRAMES) : app;

  let minified = 0;
  let unnamed = 0;
  const keys = used.map(({ frame, language }, i) => {
    const { name, module, minified: isMinified } = normaliseFunction(frame.function, frame.module, language);
    if (isMinified) minified++;
    if (!name) unnamed++;
    // A native function is named by its qualified name alone: gdb shows the source file, lldb and crash reports the binary.
    if (language === "native" && name) return `:${name}`;
    const where = module || normaliseFile(frame.filename || frame.absPath || "", language);
    // The line that raised, and the line of a closure, as the SDK read it (contextLineKey.ts).
    const keyedByLine = options.clientFrames && !usingLibrary && CONTEXT_LINE_LANGUAGES.has(language) && (i === used.length - 1 || isAnonymousFunctionKey(name));
    const line = keyedByLine ? contextLineKey(frame) : undefined;
    return line === undefined ? `${where}:${name}` : `${where}:${name}:${line}`;
  });
  const limit =
    eventLanguage === "java" && isCoroutineStack(frames)
      ? COROUTINE_APP_FRAMES
      : used.every((c) => c.language === "javascript")
        ? JS_APP_FRAMES
        : SCHEDULED_LANGUAGES.has(eventLanguage)
          ? SCHEDULED_APP_FRAMES
          : MAX_GROUPING_FRAMES;
  // No frame names a function (a PHP fatal error's lone frame, anonymous callbacks, unsymbolicated
  // native frames, obfuscated Dart): the frames say only which file or binary, the same for every bug
  // in it, so the message joins them. Frames located by a binary alone (an address in it) add
  // nothing at all — and a binary's path may hold a per-install directory.
  const nothingNamed = used.length > 0 && unnamed === used.length;
  const binaryOnly = nothingNamed && used.every(({ frame }) => !frame.filename && !frame.absPath);
  return {
    keys: binaryOnly ? [] : collapseRecursion(keys).slice(-limit),
    weak: usingLibrary || nothingNamed || (used.length > 0 && minified * 2 >= used.length),
    culprit: app.at(-1)?.frame,
  };
}

/**
 * Go prints a recovered-and-re-panicked goroutine with the deferred handler above `panic(…)`, and
 * the function that deferred it (a recovery middleware) further down. Both are dropped.
 */
function dropRepanicFrames(frames: Frame[]): Frame[] {
  const outermostPanic = frames.findIndex((f) => (f.function === "panic" && !f.module) || (f.module === "runtime" && f.function === "gopanic"));
  if (outermostPanic <= 0) return frames;
  const deferringFunctions = new Set(
    frames.slice(outermostPanic + 1).map((f) => `${f.module ?? ""}|${(f.function ?? "").replace(/\.(?:func\d+|\d+)$/, "")}`),
  );
  return frames.slice(0, outermostPanic).filter((f) => !deferringFunctions.has(`${f.module ?? ""}|${f.function ?? ""}`));
}

function isCoroutineStack(frames: Frame[]): boolean {
  return frames.some((f) => /^(?:kotlinx\.coroutines|kotlin\.coroutines|_COROUTINE)\./.test(f.module ?? "") || f.function === "invokeSuspend");
}

/**
 * Anonymous JavaScript functions (callbacks, arrow functions, down-levelled async generator bodies)
 * are named differently by each engine and come and go with compiler targets; when named app frames
 * exist they say where the code is, so anonymous ones are left out.
 */
function dropAnonymousJs(frames: Classified[]): Classified[] {
  const isAnonymous = (c: Classified) => c.language === "javascript" && normaliseFunction(c.frame.function, undefined, "javascript").name === "" && !normaliseFunction(c.frame.function, undefined, "javascript").minified;
  const named = frames.filter((c) => !isAnonymous(c));
  return named.some((c) => c.cls === "app") ? named : frames;
}

type Classified = { frame: Frame; language: Language; cls: FrameClass };

function dropAsyncContinuation(frames: Classified[]): Classified[] {
  // Frames are outermost first: the innermost async marker bounds the synchronous part.
  let boundary = -1;
  for (let i = frames.length - 1; i >= 0; i--) {
    if (frames[i].language === "javascript" && /^(?:async |async\*)/.test(frames[i].frame.function ?? "")) {
      boundary = i;
      break;
    }
  }
  if (boundary < 0) return frames;
  const sync = frames.slice(boundary + 1);
  return sync.some((c) => c.cls === "app") ? sync : frames;
}

function collapseRecursion(keys: string[]): string[] {
  const out: string[] = [];
  for (const key of keys) {
    out.push(key);
    for (let len = 1; len <= MAX_CYCLE && out.length >= 2 * len; len++) {
      const n = out.length;
      let repeated = true;
      for (let i = 0; i < len && repeated; i++) repeated = out[n - 1 - i] === out[n - 1 - len - i];
      if (repeated) {
        out.length = n - len;
        break;
      }
    }
  }
  return out;
}
