import { MAX_CHAIN_LENGTH, type ChainException, type ExceptionRelation } from "@/lib/grouping/chain/ChainException";
import { chainHeader, formatChain } from "@/lib/grouping/chain/formatChain";
import { parseChainTextCached } from "@/lib/grouping/chain/parsedChainCache";
import { groupingView } from "@/lib/grouping/frames/groupingView";
import { withoutRubyHighlight } from "@/lib/grouping/message/rubyHighlight";
import type { FrameOverride } from "@/lib/grouping/frames/classifyFrame";
import { languageOfPlatform } from "@/lib/ingest/stacktrace/platformLanguage";
import { fingerprintChain, type GroupingBasis } from "@/lib/grouping/fingerprintChain";
import { computeFingerprint } from "@/lib/ingest/fingerprint";
import { formatFrames } from "@/lib/ingest/formatFrames";
import type { Frame, Language } from "@/lib/ingest/stacktrace/frame";

/** One exception as the ingest API accepts it (already scrubbed). */
export interface RawException {
  type: string;
  message: string;
  stackTrace?: string | Frame[];
  relation?: ExceptionRelation;
}

export interface GroupEventInput extends RawException {
  /** The message before its values were filled in (a log call's format string): compared instead of the message. */
  messageTemplate?: string;
  /** The rest of the chain (`exceptions` in the API), raised first; entry 0 may repeat the raised one. */
  exceptions?: RawException[];
  platform?: string;
  /** The client's fingerprint (Sentry `fingerprint`, ours `fingerprint`). */
  custom?: string[];
  /**
   * Frames as they were written, for a minified JavaScript event whose release has source maps
   * (lib/sourcemaps/releaseSourceMaps.ts): the fingerprint and culprit key on what it returns;
   * the chain shown and stored keeps the frames as received (maps are applied again when viewed).
   */
  mapFrames?: (frames: Frame[]) => Frame[];
  /** A project's grouping rules, compiled (lib/grouping/rules). */
  rules?: { frameOverride?: FrameOverride; fingerprintFor?: (chain: ChainException[], language: Language) => string[] | undefined };
}

export interface GroupedEvent {
  /** The raised exception's type: the client's, or the trace's own when the client sent a placeholder ("Error"). */
  type: string;
  /** The event's message as the issue shows it: the client's, or the trace's when the client sent none. */
  message: string;
  /** Raised first; always at least one entry. Its messages are what the issue shows (lib/grouping/message/rubyHighlight.ts). */
  exceptions: ChainException[];
  language: Language;
  /** The trace as received (native text) or rendered from structured frames, every exception included. */
  stackText: string | null;
  fingerprint: string;
  basis: GroupingBasis;
  /** The grouping-version-1 fingerprint of the same event, kept as a secondary hash during the transition. */
  legacyFingerprint: string;
  /**
   * The fingerprint version 2 gave the event before its 2026-12-09 upgrade, when that differs: an event
   * whose fingerprint leads to no issue joins the issue of this one (lib/grouping/store/resolveGroups.ts).
   */
  previousFingerprint?: string;
  culprit: Frame | undefined;
}

/**
 * Everything grouping needs from one event: its exception chain (from `exceptions`, or split out of
 * a native trace's `Caused by:` / `The above exception…` / `--->` / `[cause]:` / `Next` sections),
 * the fingerprint over that chain, and the previous version's fingerprint. Pure.
 */
export function groupEvent(input: GroupEventInput): GroupedEvent {
  const hinted = languageOfPlatform(input.platform);
  const resolved = resolveChain(input, hinted);
  const { language, legacyFrames, stackText } = resolved;
  const shown = (message: string) => (language === "ruby" ? withoutRubyHighlight(message) : message);
  const chain = language === "ruby" ? resolved.chain.map((e) => ({ ...e, message: shown(e.message) })) : resolved.chain;
  const custom = input.rules?.fingerprintFor?.(chain, language) ?? input.custom;
  // A log message is keyed on its format string, so the values filled into it never split the issue.
  const templated = input.messageTemplate ? [{ ...chain[0], message: shown(input.messageTemplate) }, ...chain.slice(1)] : chain;
  const mapFrames = input.mapFrames;
  // Fingerprints read the frames' grouping view: the same view for every event repeating these frames.
  const keyed = templated.map((e) => ({ ...e, frames: groupingView(mapFrames ? mapFrames(e.frames) : e.frames) }));
  const chainInput = { exceptions: keyed, language, platform: input.platform, custom, frameOverride: input.rules?.frameOverride };
  const result = fingerprintChain(chainInput);
  // Worked out again only for the events the upgrade changed (most keys are what they were).
  const previous = result.upgraded ? fingerprintChain({ ...chainInput, previous: true }).fingerprint : result.fingerprint;
  const legacy = computeFingerprint({ type: input.type, message: input.message, frames: groupingView(legacyFrames), custom: input.custom });
  return {
    type: chain[0].type,
    message: input.message ? shown(input.message) : chain[0].message,
    exceptions: chain,
    language,
    stackText,
    fingerprint: result.fingerprint,
    basis: result.basis,
    legacyFingerprint: legacy.fingerprint,
    ...(previous !== result.fingerprint && { previousFingerprint: previous }),
    culprit: result.culprit,
  };
}

/** Types a client sends when it does not know the real one. */
const PLACEHOLDER_TYPE = /^(?:error|exception|throwable|unknown|unknown ?error|unknown ?exception)$/i;

function resolveChain(input: GroupEventInput, hinted: Language) {
  const listed = (input.exceptions ?? []).slice(0, MAX_CHAIN_LENGTH);
  if (listed.length > 0) {
    const [first, ...rest] = listed;
    const raisedStack = first.stackTrace ?? input.stackTrace;
    const raised = parseOne({ ...first, type: input.type || first.type, message: input.message || first.message, stackTrace: raisedStack }, input.platform, "raised");
    const chain = [raised.exception, ...rest.map((e) => parseOne(e, input.platform, e.relation ?? "cause").exception)];
    const language = hinted !== "unknown" ? hinted : raised.language;
    return { chain, language, legacyFrames: raised.legacyFrames, stackText: textOfChain([raisedStack, ...rest.map((e) => e.stackTrace)], chain) };
  }
  if (typeof input.stackTrace === "string" && input.stackTrace.length > 0) {
    const parsed = parseChainTextCached(input.stackTrace, input.platform);
    // A shipper that cannot tell the type sends a placeholder and no message; the trace's header names both.
    const header = parsed.exceptions[0];
    const raisedType = header?.type && PLACEHOLDER_TYPE.test(input.type.trim()) ? header.type : input.type;
    const chain: ChainException[] = parsed.exceptions.map((e, i) => ({
      type: i === 0 ? raisedType : (e.type ?? "Error"),
      message: i === 0 ? input.message || (e.message ?? "") : (e.message ?? ""),
      relation: i === 0 ? "raised" : e.relation,
      frames: e.frames,
    }));
    return { chain, language: hinted !== "unknown" ? hinted : parsed.language, legacyFrames: parsed.legacyFrames, stackText: input.stackTrace };
  }
  const frames = Array.isArray(input.stackTrace) ? input.stackTrace : [];
  const chain: ChainException[] = [{ type: input.type, message: input.message, relation: "raised", frames, clientFrames: frames.length > 0 }];
  return { chain, language: hinted, legacyFrames: frames, stackText: frames.length > 0 ? formatFrames(frames) : null };
}

function parseOne(e: RawException, platform: string | undefined, relation: ExceptionRelation) {
  if (typeof e.stackTrace === "string" && e.stackTrace.length > 0) {
    const parsed = parseChainTextCached(e.stackTrace, platform);
    return { exception: { type: e.type, message: e.message, relation, frames: parsed.exceptions[0]?.frames ?? [] }, language: parsed.language, legacyFrames: parsed.legacyFrames };
  }
  const frames = Array.isArray(e.stackTrace) ? e.stackTrace : [];
  return { exception: { type: e.type, message: e.message, relation, frames, clientFrames: frames.length > 0 }, language: "unknown" as Language, legacyFrames: frames };
}

/**
 * Native texts are kept as sent, joined under each linked exception's header ("Caused by: …") — a
 * text that starts with that exception's own header (a JavaScript `stack`) only gets the label;
 * structured frames are rendered.
 */
function textOfChain(texts: (string | Frame[] | undefined)[], chain: ChainException[]): string | null {
  if (texts.every((t): t is string => typeof t === "string")) {
    return chain
      .map((e, i) => {
        if (i === 0) return texts[0];
        const own = chainHeader({ relation: "raised", type: e.type, message: e.message });
        const labelled = chainHeader(e);
        return texts[i].startsWith(`${own}\n`) ? `${labelled}${texts[i].slice(own.length)}` : `${labelled}\n${texts[i]}`;
      })
      .join("\n");
  }
  const text = formatChain(chain);
  return text || null;
}
