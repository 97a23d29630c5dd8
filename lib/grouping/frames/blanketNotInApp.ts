import type { Frame } from "@/lib/ingest/stacktrace/frame";

/**
 * Whether a client marked every frame of an event `in_app: false` — no frame of any of its stacks in
 * the app — in which case its flags say nothing and grouping (and the viewer) judge the frames as if
 * they were unset: by the project's frame rules and the built-in lists of library and runtime code
 * (lib/grouping/frames/libraryCode.ts), as culprit selection already did (lib/errors/culprit.ts).
 *
 * Why: an SDK that has not been told which code is the app's flags all of it false.
 *  - sentry-elixir marks in-app only modules of `in_app_module_allow_list` / `in_app_otp_apps`, both
 *    empty by default (lib/sentry/event.ex `in_app?/2`, config.ex): every frame of every event of a
 *    project that did not configure them is in_app false, its own `MyApp.*` frames too.
 *  - sentry-ruby marks in-app only files under the project root's app/, lib/, bin/, exe/: a script
 *    or a Sinatra app outside them sends all of its frames false.
 *  - sentry-cocoa marks in-app only the main executable's image: a crash inside the app's own
 *    dynamic frameworks sends every frame false.
 * Taken at their word, such frames were all library code, so the fingerprint added the message
 * (selectGroupingFrames' `weak`), and every value the message carries — an inspected map, a
 * changeset, an id the parameteriser cannot see — split one bug into an issue per value.
 *
 * When it applies, precisely: the frames came structured from a client (`clientFrames`: a text
 * trace's flags are our own parser's guess), there is at least one, and every one of them, on every
 * exception of the chain that the client sent structured, is flagged false. A single frame flagged
 * true anywhere in the event means the SDK does know the app's code (configured, or judged by
 * layout), so its false flags are judgements and stand: a stack that runs only through library code
 * while its cause's does not (a ServletException around the app's exception), a crash entirely in a
 * dependency of a configured app. When the built-in lists find no app frame either (a stack entirely
 * in gems, deps/ or the runtime), judging the frames as unset changes nothing: they are library code
 * both ways, and the message still joins the key. The price: a crash entirely inside a third-party
 * framework the lists do not name (a Cocoa app's embedded Alamofire) is keyed on that framework's
 * frames without the message — where the culprit already pointed.
 *
 * Existing issues keep their events: such events carry the key they had before as their previous
 * fingerprint (lib/grouping/groupEvent.ts, lib/grouping/store/resolveGroups.ts).
 */
export function sdkMarkedNoFrameInApp(stacks: readonly { frames: readonly Frame[]; clientFrames?: boolean }[]): boolean {
  let flagged = false;
  for (const stack of stacks) {
    if (!stack.clientFrames) continue;
    for (const frame of stack.frames) {
      if (frame.inApp !== false) return false;
      flagged = true;
    }
  }
  return flagged;
}

/** The frame as grouping judges it when its client's flags say nothing (sdkMarkedNoFrameInApp). */
export function withoutInAppFlag<F extends Frame>(frame: F): F {
  if (frame.inApp === undefined) return frame;
  const { inApp: _flag, ...rest } = frame;
  void _flag;
  return rest as F;
}
