import { describe, expect, it } from "vitest";
import { fingerprintShares, remainingActorsApproximate, splitExactness, type FingerprintPair } from "@/lib/grouping/merge/unmergeExactness";

const pair = (over: Partial<FingerprintPair> = {}): FingerprintPair => ({ events: 10, sampled: 7, exact: true, actorsExact: true, ...over });

describe("splitExactness", () => {
  it("trusts a pair counted from its first event, sampled events and all", () => {
    expect(splitExactness(pair(), 3)).toEqual({ counts: true, actors: true });
    // Trimmed or expired occurrences only make fewer stored ones.
    expect(splitExactness(pair(), 0)).toEqual({ counts: true, actors: true });
  });

  it("falls back for a pair that held events before the counts existed", () => {
    expect(splitExactness(pair({ exact: false, actorsExact: false }), 3)).toEqual({ counts: false, actors: false });
    expect(splitExactness(pair({ exact: true, actorsExact: false }), 3)).toEqual({ counts: true, actors: false });
  });

  it("distrusts counts that stored more than they say were stored (events from before the counts)", () => {
    expect(splitExactness(pair(), 4)).toEqual({ counts: false, actors: false });
  });

  it("knows a fingerprint without a pair only when none of its events is stored either", () => {
    expect(splitExactness(null, 0)).toEqual({ counts: true, actors: true });
    expect(splitExactness(null, 2)).toEqual({ counts: false, actors: false });
  });
});

describe("remainingActorsApproximate", () => {
  const known = { actorsExact: true, removed: 3, tracksOwnActors: true, otherPairsActorsExact: true, ownEvents: 10, ownStored: 3 };

  it("is exact when the old issue's other sets are all known", () => {
    expect(remainingActorsApproximate(known)).toBe(false);
    // Untracked own fingerprint, but every one of its events is stored.
    expect(remainingActorsApproximate({ ...known, tracksOwnActors: false, ownStored: 10 })).toBe(false);
  });

  it("is exact when nobody was taken off", () => {
    expect(remainingActorsApproximate({ ...known, removed: 0, tracksOwnActors: false, otherPairsActorsExact: false })).toBe(false);
  });

  it("is approximate when a removed user may have had an unstored event of the own fingerprint or another set is partial", () => {
    expect(remainingActorsApproximate({ ...known, tracksOwnActors: false })).toBe(true);
    expect(remainingActorsApproximate({ ...known, tracksOwnActors: false, ownEvents: null, ownStored: 50 })).toBe(true);
    expect(remainingActorsApproximate({ ...known, otherPairsActorsExact: false })).toBe(true);
  });

  it("is approximate whenever the split set itself was", () => {
    expect(remainingActorsApproximate({ ...known, actorsExact: false, removed: 0 })).toBe(true);
  });
});

describe("fingerprintShares", () => {
  const issue = { fingerprint: "own", occurrenceCount: 20 };

  it("reports counted events: the pair's, and the rest for the own fingerprint", () => {
    const shares = fingerprintShares(issue, ["own", "b"], new Map([["b", pair()]]), new Map([["own", 3], ["b", 3]]));
    expect(shares).toEqual([
      { fingerprint: "own", events: 10, approximate: false },
      { fingerprint: "b", events: 10, approximate: false },
    ]);
  });

  it("marks what cannot be told apart and gives what is known of it", () => {
    const pairs = new Map([["b", pair({ exact: false, events: 2, sampled: 1 })]]);
    const shares = fingerprintShares(issue, ["own", "b", "c"], pairs, new Map([["own", 3], ["b", 5], ["c", 1]]));
    expect(shares).toEqual([
      { fingerprint: "own", events: 3, approximate: true },
      { fingerprint: "b", events: 5, approximate: true },
      { fingerprint: "c", events: 1, approximate: true },
    ]);
  });

  it("counts a redirect that never had an event as nothing, exactly", () => {
    expect(fingerprintShares(issue, ["own", "d"], new Map(), new Map([["own", 20]]))).toEqual([
      { fingerprint: "own", events: 20, approximate: false },
      { fingerprint: "d", events: 0, approximate: false },
    ]);
  });
});
