import { culpritFunction } from "@/lib/errors/culpritFunction";
import type { StoredChainException } from "@/lib/grouping/chain/ChainException";
import { classifyFrame } from "@/lib/grouping/frames/classifyFrame";
import { isBinaryFrame, languageOfFrame } from "@/lib/grouping/frames/frameLanguage";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";
import { languageOfPlatform } from "@/lib/ingest/stacktrace/platformLanguage";
import { basename } from "@/lib/ingest/stacktrace/location";

/**
 * Where the error was raised, as engineers name it: the innermost application frame as "file in
 * function" (the method written, not a compiler's: lib/errors/culpritFunction.ts) — one the SDK
 * marked in-app that is no known dependency's, runtime's or SDK's by its path
 * or module (judged in the event's platform); else, when the raised exception ran through library
 * code only (a framework's wrapper: ServletException, Android's RuntimeException), the innermost
 * such frame of its causes (`chain`: the stored exception chain, raised first); else one the SDK
 * marked in-app; else (when it marked none) one that is no dependency's; else the innermost frame.
 * Frames are ordered outermost first. Null without frames.
 */
export function culpritOf(frames: unknown, platform?: string | null, chain?: unknown): string | null {
  if (!Array.isArray(frames) || frames.length === 0) return null;
  const list = frames.filter((f): f is Frame => typeof f === "object" && f !== null);
  const innermostFirst = [...list].reverse();
  const language = languageOfPlatform(platform);
  const application = (f: Frame) => looksLikeApplicationCode(f, language);
  // SDKs that mark everything in-app but a short list (sentry-dart: every package but Flutter's;
  // sentry-rust: anyhow, tracing, its own panic hook) are second-guessed as grouping does.
  const frame =
    innermostFirst.find((f) => f.inApp === true && application(f)) ??
    causeFrames(chain)
      .map((causeFrames) => [...causeFrames].reverse().find((f) => f.inApp !== false && application(f)))
      .find((f) => f !== undefined) ??
    innermostFirst.find((f) => f.inApp === true) ??
    innermostFirst.find(application) ??
    list.at(-1);
  if (!frame) return null;
  // A module that is an absolute path is a native frame's binary ("/private/var/…/MyApp.app/MyApp"): its name says it.
  const binary = isBinaryFrame(frame) ? basename(frame.module ?? "") : undefined;
  const where = binary || shortPath(frame.filename ?? frame.absPath ?? frame.module);
  // The method written, where a compiler or engine named a generated one (MoveNext, lambda$m$0, async f).
  const fn = frame.function ? culpritFunction(frame.function, frame.module) : undefined;
  if (where && fn) return `${where} in ${fn}`;
  return where ?? fn ?? null;
}

/**
 * sentry-ruby marks in-app only files under app/, lib/, bin/… of its project root, so a script's
 * own frames arrive marked library, beside the SDK's capture_message frames: judged here by path
 * and module alone, as frames no SDK labelled are.
 */
function looksLikeApplicationCode(frame: Frame, eventLanguage: Language): boolean {
  const { inApp: _sdkSaid, ...unlabelled } = frame;
  void _sdkSaid;
  return classifyFrame(unlabelled, languageOfFrame(unlabelled, eventLanguage)) === "app";
}

/** The last three path segments, without the query string or the origin of a URL (kept for a page's own URL). */
function shortPath(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const noQuery = path.replace(/[?#].*$/, "");
  // The origin may be empty: React Native's and Electron's "app:///index.android.bundle".
  const clean = noQuery.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  const parts = clean.split(/[\\/]/).filter(Boolean);
  if (parts.length === 0) return noQuery.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "") || undefined;
  return parts.slice(-3).join("/");
}

/** The frames of each cause (and context) of a stored chain, nearest first; suppressed ones left out. */
function causeFrames(chain: unknown): Frame[][] {
  if (!Array.isArray(chain)) return [];
  return (chain as Partial<StoredChainException>[])
    .slice(1)
    .filter((e) => typeof e === "object" && e !== null && e.relation !== "suppressed" && Array.isArray(e.frames))
    .map((e) => (e.frames as unknown[]).filter((f): f is Frame => typeof f === "object" && f !== null));
}
