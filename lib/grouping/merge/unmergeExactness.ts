/**
 * What an unmerge can take exactly from an issue's per-fingerprint counts (GroupFingerprintCount),
 * and where it has to say "approximate" instead. Pure: the SQL that reads and moves lives in
 * unmergeError.ts and its helpers.
 */

/** The parts of a split that are approximate: "events" — counts, rollups, tags and event ids; "users" — users and agents. */
export type ApproximatePart = "events" | "users";

export interface FingerprintPair {
  events: number;
  sampled: number;
  /** Counted since the pair's first event (false: it held events before the counts existed). */
  exact: boolean;
  /** Its users and agents are kept whole. */
  actorsExact: boolean;
}

export interface SplitExactness {
  /** Counts, rollups and tags come from the pair's counts; else from the stored occurrences. */
  counts: boolean;
  /** Users and agents come from the pair's set; else from the stored occurrences. */
  actors: boolean;
}

/**
 * Whether the pair's counts hold every event of the fingerprint an unmerge found `stored` occurrences
 * of. No pair: the fingerprint never reached the issue since the counts exist, so only an issue with
 * none of its occurrences is known (to have nothing). More stored occurrences than the pair counted
 * stored betrays events from before the counts (a fingerprint seen only on events, never redirected).
 */
export function splitExactness(pair: FingerprintPair | null, stored: number): SplitExactness {
  if (!pair) return stored === 0 ? { counts: true, actors: true } : { counts: false, actors: false };
  const consistent = stored <= pair.events - pair.sampled;
  return { counts: pair.exact && consistent, actors: pair.actorsExact && consistent };
}

export interface RemainingActorsKnowledge {
  /** The split fingerprint's own set was exact (see splitExactness). */
  actorsExact: boolean;
  /** Users/agents of the split fingerprint taken off the old issue: no evidence they had another event there. */
  removed: number;
  /** The old issue's own fingerprint's users are kept per fingerprint (ErrorGroup.tracksOwnActors). */
  tracksOwnActors: boolean;
  /** Every other fingerprint the old issue holds has its whole user/agent set kept. */
  otherPairsActorsExact: boolean;
  /** Events of the old issue's own fingerprint, counted (null when its pairs' counts are not all exact). */
  ownEvents: number | null;
  /** Its stored occurrences of its own fingerprint. */
  ownStored: number;
}

/**
 * Whether the old issue's users and agents after the split are approximate: when the split set was
 * itself approximate, or when someone was taken off without the old issue's other fingerprints'
 * sets being known whole — its own untracked and not every own event stored (a sampled or expired
 * event of its own may have had that user).
 */
export function remainingActorsApproximate(k: RemainingActorsKnowledge): boolean {
  if (!k.actorsExact) return true;
  if (k.removed === 0) return false;
  const ownKnown = k.tracksOwnActors || (k.ownEvents !== null && k.ownStored >= k.ownEvents);
  return !(ownKnown && k.otherPairsActorsExact);
}

export interface FingerprintShare {
  fingerprint: string;
  /** Events counted (exact when not approximate). */
  events: number;
  approximate: boolean;
}

/**
 * Events per fingerprint of an issue for its fingerprints list: a pair with exact counts reports
 * them; the issue's own fingerprint the rest of the issue's count when every pair is exact; anything
 * else what is known of it (the stored occurrences carrying it, or what its pair counted since the
 * counts exist), marked approximate.
 */
export function fingerprintShares(
  issue: { fingerprint: string; occurrenceCount: number },
  fingerprints: string[],
  pairs: Map<string, FingerprintPair>,
  stored: Map<string, number>,
): FingerprintShare[] {
  const pairExact = (fp: string) => {
    const pair = pairs.get(fp) ?? null;
    return pair !== null && splitExactness(pair, stored.get(fp) ?? 0).counts;
  };
  const others = fingerprints.filter((fp) => fp !== issue.fingerprint);
  const allExact = others.every((fp) => pairExact(fp) || (!pairs.has(fp) && (stored.get(fp) ?? 0) === 0));
  return fingerprints.map((fp) => {
    if (fp === issue.fingerprint) {
      if (allExact) return { fingerprint: fp, events: Math.max(0, issue.occurrenceCount - others.reduce((n, o) => n + (pairs.get(o)?.events ?? 0), 0)), approximate: false };
      return { fingerprint: fp, events: stored.get(fp) ?? 0, approximate: true };
    }
    if (pairExact(fp)) return { fingerprint: fp, events: pairs.get(fp)!.events, approximate: false };
    // Both are lower bounds then: the pair counted the events since it was, the stored ones are some of them.
    const n = Math.max(stored.get(fp) ?? 0, pairs.get(fp)?.events ?? 0);
    return { fingerprint: fp, events: n, approximate: pairs.has(fp) || n > 0 };
  });
}
