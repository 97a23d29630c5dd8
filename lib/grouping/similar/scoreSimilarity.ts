import { trigramSimilarity } from "@/lib/grouping/similar/trigramSimilarity";

export interface SimilarityInput {
  type: string;
  /** Normalised message (lib/grouping/message/normaliseMessage). */
  message: string;
  /** Normalised grouping frame keys. */
  frames: string[];
}

export interface SimilarityScore {
  score: number;
  sameType: boolean;
  messageSimilarity: number;
  sharedFrames: number;
}

/**
 * How alike two issues look to an engineer deciding whether to merge them: exception type, message
 * text (trigram similarity of the normalised messages) and shared app frames (Jaccard), weighted
 * 0.35 / 0.35 / 0.3. When neither has frames the frame part is left out and the rest rescaled.
 */
export function scoreSimilarity(a: SimilarityInput, b: SimilarityInput): SimilarityScore {
  const simple = (t: string) => t.slice(t.lastIndexOf(".") + 1);
  const sameType = simple(a.type) === simple(b.type);
  const messageSimilarity = a.message === b.message ? 1 : trigramSimilarity(a.message, b.message);
  const fa = new Set(a.frames);
  const fb = new Set(b.frames);
  let sharedFrames = 0;
  for (const f of fa) if (fb.has(f)) sharedFrames++;
  const union = fa.size + fb.size - sharedFrames;
  const typePart = sameType ? 1 : 0;
  const score =
    union === 0 ? (0.35 * typePart + 0.35 * messageSimilarity) / 0.7 : 0.35 * typePart + 0.35 * messageSimilarity + 0.3 * (sharedFrames / union);
  return { score: Math.round(score * 1000) / 1000, sameType, messageSimilarity: Math.round(messageSimilarity * 1000) / 1000, sharedFrames };
}
