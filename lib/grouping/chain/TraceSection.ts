import type { ExceptionRelation } from "@/lib/grouping/chain/ChainException";

/** One exception's part of a native trace: its header (type, message) and the lines holding its frames. */
export interface TraceSection {
  /** Undefined when the trace did not print one (e.g. the raised exception of a bare backtrace). */
  type?: string;
  message?: string;
  relation: ExceptionRelation;
  /** The frame lines of this exception only, in the runtime's own format. */
  body: string;
  /** JVM "... N more": the outermost N frames were not printed because they equal the enclosing exception's. */
  elidedOuterFrames?: number;
}

/** "pkg.Type: message" / "Type" → type and message; undefined when the line does not start with a type name. */
export function splitTypeAndMessage(header: string, typePattern: RegExp = /^([A-Za-z_$][\w$.:\\*/<>`[\]-]*)(?::\s?([\s\S]*))?$/): { type: string; message: string } | undefined {
  const m = typePattern.exec(header.trim());
  if (!m) return undefined;
  return { type: m[1], message: (m[2] ?? "").trim() };
}
