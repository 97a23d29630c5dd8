import type { ChainException } from "@/lib/grouping/chain/ChainException";
import { formatFrames } from "@/lib/ingest/formatFrames";

const LABEL: Record<ChainException["relation"], string> = { raised: "", cause: "Caused by: ", context: "During handling: ", suppressed: "Suppressed: ", member: "Sub-exception: " };

/** The header line of a chain's entry in its text: "Caused by: TypeError: x is undefined". */
export function chainHeader(e: Pick<ChainException, "relation" | "type" | "message">): string {
  return `${LABEL[e.relation]}${e.type}${e.message ? `: ${e.message}` : ""}`;
}

/** A readable text of a structured chain (raised first), for copying and for full-text search. */
export function formatChain(chain: ChainException[]): string {
  return chain
    .map((e) => {
      const header = chainHeader(e);
      return e.frames.length > 0 ? `${header}\n${formatFrames(e.frames)}` : header;
    })
    .join("\n");
}
