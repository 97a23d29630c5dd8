import { createHash } from "node:crypto";
import type { ChainException } from "@/lib/grouping/chain/ChainException";
import type { FrameOverride } from "@/lib/grouping/frames/classifyFrame";
import { runsOnServer } from "@/lib/grouping/frames/serverSideJavaScript";
import { sdkMarkedNoFrameInApp } from "@/lib/grouping/frames/blanketNotInApp";
import { sharedGroupingFrames } from "@/lib/grouping/frames/sharedGroupingFrames";
import { goPanicKey } from "@/lib/grouping/message/goPanicKey";
import { rustPanicKey } from "@/lib/grouping/message/rustPanicKey";
import { normaliseMessage, normaliseMessageAndPrevious, normaliseType } from "@/lib/grouping/message/normaliseMessage";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";
import { LOGGED_MESSAGE_TYPE } from "@/lib/domain/issueTitle";

/** Bumped whenever a change would move existing events to new groups (see docs/grouping.md). */
export const GROUPING_VERSION = 2;

export type GroupingBasis = "custom" | "stack" | "message";

export interface ChainFingerprintInput {
  /** Raised exception first. */
  exceptions: ChainException[];
  language: Language;
  /** The event's platform as sent ("node", "javascript", "python"…): browsers group a little differently. */
  platform?: string;
  /** A client's or a grouping rule's fingerprint; "{{ default }}" expands to the computed parts. */
  custom?: string[];
  frameOverride?: FrameOverride;
  /**
   * Key the chain as version 2 did before its 2026-12-09 upgrade (an SDK's in_app flags taken at
   * their word when they mark no frame in-app; messages without the named dates and Elixir values
   * normalised): the event's previous fingerprint, which leads its new events to the issue it had
   * (docs/grouping.md, Grouping versions).
   */
  previous?: boolean;
}

export interface ChainFingerprint {
  fingerprint: string;
  basis: GroupingBasis;
  /** The components hashed, for previews and debugging ("why are these two apart?"). */
  components: string[];
  culprit: Frame | undefined;
  /**
   * The 2026-12-09 upgrade changed what went into the key: the SDK's flags were set aside, or a keyed
   * message normalises differently. Only then can the previous fingerprint (`previous`) differ.
   */
  upgraded: boolean;
}

const DEFAULT_MARKER = /^\{\{\s*default\s*\}\}$/;

/**
 * The group key of an event's exception chain:
 *   raised type + the raised exception's grouping frames (see selectGroupingFrames), then for each
 *   cause (and Python context) its type + its frames minus those it shares with the exception it
 *   is attached to. So one raise site with different causes stays apart, while a cause printed in
 *   full or elided ("... 12 more"), or a message with other ids, does not split.
 * When no exception has a usable frame: type + normalised message (+ cause types). When frames are
 * weak (library-only or minified), the normalised message is added to them.
 */
export function fingerprintChain(input: ChainFingerprintInput): ChainFingerprint {
  const { components, basis, culprit, upgraded } = defaultComponents(input);
  const custom = (input.custom ?? []).filter((part) => typeof part === "string");
  const isDefault = (part: string) => DEFAULT_MARKER.test(part.trim());
  if (custom.length > 0 && !custom.every(isDefault)) {
    const parts = ["custom", ...custom.flatMap((part) => (isDefault(part) ? components : [part]))];
    return { fingerprint: hash(parts), basis: "custom", components: parts, culprit, upgraded: upgraded && custom.some(isDefault) };
  }
  return { fingerprint: hash(components), basis, components, culprit, upgraded };
}

function defaultComponents(input: ChainFingerprintInput): { components: string[]; basis: "stack" | "message"; culprit: Frame | undefined; upgraded: boolean } {
  const chain = unwrapFrameworkWrappers(withoutRecoveredCopies(input.exceptions.filter((e, i) => i === 0 || e.relation !== "suppressed").map(memberAsCause)));
  // Browsers drop the async continuation; Node keeps it, for a trace sent without a platform too.
  const serverSide = input.platform ? /^(?:node|nodejs|deno|bun)$/i.test(input.platform) : runsOnServer(chain.flatMap((e) => e.frames));
  const dropAsyncContinuation = input.language === "javascript" && !serverSide;
  // An SDK that flagged every frame of the event in_app false has not been told which code is the
  // app's (sentry-elixir's default config): its flags say nothing (frames/blanketNotInApp.ts). Judged
  // over the whole event as sent, suppressed exceptions too: one frame flagged true anywhere means
  // the SDK knows the app's code, and its false flags stand.
  const inAppFlagsUnset = !input.previous && sdkMarkedNoFrameInApp(input.exceptions);
  let upgraded = inAppFlagsUnset;
  const selected = chain.map((e) => ({
    exception: e,
    ...sharedGroupingFrames(e.frames, input.language, { override: input.frameOverride, dropAsyncContinuation, clientFrames: e.clientFrames, inAppFlagsUnset }),
  }));
  const raised = selected[0];
  const typeOf = (e: ChainException) => normaliseType(e.type, e.message, input.language);
  const messageOf = (e: ChainException) => {
    if (input.previous) return normaliseMessage(e.type, e.message, input.language, true);
    const { current, previous } = normaliseMessageAndPrevious(e.type, e.message, input.language);
    if (current !== previous) upgraded = true;
    return current;
  };
  const result = (components: string[], basis: "stack" | "message", culprit: Frame | undefined) => ({ components, basis, culprit, upgraded });

  if (!raised || selected.every((s) => s.keys.length === 0)) {
    const causes = chain.slice(1).map((e) => `cause:${typeOf(e)}`);
    const first = chain[0] ?? { type: "", message: "", frames: [], relation: "raised" as const };
    return result(["g2", "message", typeOf(first), messageOf(first), ...causes], "message", undefined);
  }

  const parts = ["g2", "stack", typeOf(raised.exception), ...raised.keys];
  // A logged message is what it says (its template when it had one): the stack an SDK attaches to it
  // (.NET and Cocoa do by default) says where it was logged, and one method logs several messages.
  if (raised.weak || raised.exception.type === LOGGED_MESSAGE_TYPE) parts.push(`message:${messageOf(raised.exception)}`);
  else if (input.language === "go") {
    // A Go panic's type says nothing: its message is what went wrong (message/goPanicKey.ts).
    const panicKey = goPanicKey(raised.exception.type, messageOf(raised.exception), input.previous);
    if (panicKey) {
      parts.push(panicKey.component);
      if (panicKey.sinceUpgrade) upgraded = true;
    }
  } else if (input.language === "rust" && !input.previous) {
    // So is a Rust panic's (message/rustPanicKey.ts; since 2026-12-09: previous fingerprints without it).
    const panicKey = rustPanicKey(raised.exception.type, messageOf(raised.exception));
    if (panicKey) {
      parts.push(panicKey);
      upgraded = true;
    }
  }
  let enclosing = raised.keys;
  for (const cause of selected.slice(1)) {
    parts.push(`${cause.exception.relation}:${typeOf(cause.exception)}`);
    const own = withoutSharedOuterFrames(cause.keys, enclosing);
    parts.push(...own);
    if (cause.weak && own.length > 0) parts.push(`message:${messageOf(cause.exception)}`);
    if (cause.keys.length > 0) enclosing = cause.keys;
  }
  if (input.language === "go" && GO_PLAIN_ERRORS.has(raised.exception.type)) {
    const root = chain.at(-1) ?? raised.exception;
    if (GO_PLAIN_ERRORS.has(root.type)) parts.push(`go-error:${messageOf(root)}`);
  }
  return result(parts, "stack", raised.culprit ?? selected.find((s) => s.culprit)?.culprit);
}

/**
 * Go's plain error values (errors.New, fmt.Errorf with and without %w, errors.Join) carry no stack
 * and no type worth the name: an SDK reports them with the stack of the line that captured them —
 * often one error handler for the whole service — so frames and type alone would make every error
 * captured there one issue. When the innermost error (the root cause) is such a value too, its text
 * ("connection refused", "sql: no rows in result set"), normalised like any message, tells the
 * bugs apart; the context that wrapping adds around it ("handle: load order A-17: …") does not. A
 * typed root (*fs.PathError, *net.OpError) is told apart by its type, as before.
 */
const GO_PLAIN_ERRORS = new Set(["*errors.errorString", "*fmt.wrapError", "*fmt.wrapErrors", "*errors.joinError"]);

/**
 * kotlinx.coroutines' stack-trace recovery (debug mode, -ea) rethrows a copy of the exception with
 * the original as its cause: same type, same message. The copy carries the resuming stack; the
 * original the real one. Keep the original.
 */
function withoutRecoveredCopies(chain: ChainException[]): ChainException[] {
  const out: ChainException[] = [];
  for (let i = 0; i < chain.length; i++) {
    const next = chain[i + 1];
    if (next && next.relation === "cause" && next.type === chain[i].type && next.message === chain[i].message && next.frames.length > 0) {
      out.push({ ...next, relation: chain[i].relation });
      i++;
      continue;
    }
    out.push(chain[i]);
  }
  return out;
}

/**
 * Exceptions that frameworks and runtimes wrap around the application's exception without adding
 * meaning: whether a log line, an SDK integration or a servlet container reported it decides
 * whether the wrapper is there. Grouping looks through them to their cause (the title keeps them).
 */
/** An exception group's member counts as a cause of the group, as it did before members had a relation of their own. */
function memberAsCause(exception: ChainException): ChainException {
  return exception.relation === "member" ? { ...exception, relation: "cause" } : exception;
}

const WRAPPER_TYPES = new Set([
  "ServletException", "NestedServletException", "UndeclaredThrowableException", "InvocationTargetException", "ExecutionException",
  "CompletionException", "UncheckedExecutionException", "ReactiveException", "TargetInvocationException", "AggregateException",
]);

function unwrapFrameworkWrappers(chain: ChainException[]): ChainException[] {
  let start = 0;
  while (start < chain.length - 1 && chain[start + 1].relation === "cause" && WRAPPER_TYPES.has(chain[start].type.slice(chain[start].type.lastIndexOf(".") + 1))) start++;
  return start === 0 ? chain : [{ ...chain[start], relation: "raised" }, ...chain.slice(start + 1)];
}

/** A cause's stack repeats the outer frames of the exception wrapping it (up to where it was caught). */
function withoutSharedOuterFrames(keys: string[], enclosing: string[]): string[] {
  let shared = 0;
  while (shared < keys.length && shared < enclosing.length && keys[shared] === enclosing[shared]) shared++;
  return keys.slice(shared);
}

function hash(parts: string[]): string {
  // NUL separators: no component can contain one, so ["a b", "c"] never equals ["a", "b c"].
  const data = parts.map((p) => p.replace(/\0/g, "")).join("\0");
  return createHash("sha256").update(data).digest("hex").slice(0, 32);
}
