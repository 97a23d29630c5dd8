import { z } from "zod";
import { FrameSchema, type Frame } from "@/lib/ingest/stacktrace/frame";

/**
 * How an exception of a chain relates to the one before it (the one it is attached to):
 * - raised: the first entry, the exception that propagated and that the issue is titled by;
 * - cause: the explicit cause (Java/Kotlin `Caused by:`, Python `raise … from e`, JS `cause`,
 *   .NET inner exception, PHP previous, Go `%w`);
 * - context: Python's implicit "During handling of the above exception, another exception occurred";
 * - suppressed: Java `Suppressed:` (and causes nested under it): shown, never part of the fingerprint;
 * - member: one of an exception group's sub-exceptions (Python's ExceptionGroup, JS AggregateError,
 *   .NET AggregateException, Go's errors.Join), after the group: fingerprinted as a cause (as members
 *   were before they had a relation of their own, so no issue splits), shown as what it is.
 */
export const EXCEPTION_RELATIONS = ["raised", "cause", "context", "suppressed", "member"] as const;
export const ExceptionRelationSchema = z.enum(EXCEPTION_RELATIONS);
export type ExceptionRelation = z.infer<typeof ExceptionRelationSchema>;

/** Chains longer than this keep their first (outermost) entries; the SDKs send at most 5 by default. */
export const MAX_CHAIN_LENGTH = 20;

/** The longest type and message an exception may carry, sent by a client or read from its trace. */
export const MAX_EXCEPTION_TYPE_CHARS = 256;
export const MAX_EXCEPTION_MESSAGE_CHARS = 8192;

/** One exception of an event's chain as POST /api/v1/events accepts it (`exceptions`, outermost first). */
export const ExceptionInputSchema = z.object({
  type: z.string().trim().min(1).max(MAX_EXCEPTION_TYPE_CHARS),
  /** The package or namespace `type` is declared in ("java.lang"), when `type` is a simple name: how an obfuscated class is named in full. */
  module: z.string().trim().min(1).max(MAX_EXCEPTION_TYPE_CHARS).optional(),
  message: z.string().max(MAX_EXCEPTION_MESSAGE_CHARS).default(""),
  stackTrace: z.union([z.string().max(262_144), z.array(FrameSchema).max(500)]).optional(),
  relation: ExceptionRelationSchema.optional(),
});
export type ExceptionInput = z.input<typeof ExceptionInputSchema>;

/** One exception of a chain after parsing: frames outermost call first, like ParsedStack. */
export interface ChainException {
  type: string;
  message: string;
  frames: Frame[];
  relation: ExceptionRelation;
  /**
   * The frames are the client's own structured frames (not read from a trace's text): their in_app and
   * source context lines are the SDK's, not a guess (lib/grouping/frames/configuredInApp.ts).
   */
  clientFrames?: boolean;
}

/** The chain as stored on an occurrence and shown in the details: frames without source context. */
export interface StoredChainException {
  type: string;
  message: string;
  relation: ExceptionRelation;
  frames: Frame[];
  /** Trace text instead of frames: chains folded from data stored before grouping version 2. */
  stackTrace?: string | null;
  /** The client sent these frames structured (ChainException.clientFrames): the viewer judges in-app as grouping did. */
  clientFrames?: true;
}

export function toStoredChain(chain: ChainException[]): StoredChainException[] {
  return chain.map((e) => ({
    type: e.type,
    message: e.message,
    relation: e.relation,
    frames: e.frames.map(withoutSourceContext),
    ...(e.clientFrames && { clientFrames: true as const }),
  }));
}

/** Source lines are kept once on the group, not on every occurrence. */
function withoutSourceContext(frame: Frame): Frame {
  const out = { ...frame };
  delete out.preContext;
  delete out.postContext;
  return out;
}
