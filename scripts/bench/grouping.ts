// npm run bench:grouping — scores grouping on the labelled corpus (lib/grouping/__corpus__): pairwise
// precision / recall / F1 per runtime and overall, for the current algorithm and for grouping
// version 1 (the previous fingerprint, kept as a secondary hash). Lists every false merge and split.
import path from "node:path";
import { CORPUS_DIR, loadCorpus } from "@/lib/grouping/corpus/loadCorpus";
import { fingerprintCorpusEvent } from "@/lib/grouping/corpus/fingerprintCorpusEvent";
import { scorePairs, type PairScore } from "@/lib/grouping/corpus/scorePairs";

const events = loadCorpus().map((e) => ({ ...e, ...fingerprintCorpusEvent(e) }));
const holdout = loadCorpus(path.join(CORPUS_DIR, "holdout")).map((e) => ({ ...e, ...fingerprintCorpusEvent(e) }));
const runtimes = [...new Set(events.map((e) => e.runtime))];
const pct = (n: number) => (n * 100).toFixed(1).padStart(5);
const row = (name: string, s: PairScore, v1: PairScore, n: number, bugs: number) =>
  `| ${name.padEnd(8)} | ${String(n).padStart(6)} | ${String(bugs).padStart(4)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${pct(v1.precision)} | ${pct(v1.recall)} | ${pct(v1.f1)} |`;

console.log(`grouping corpus: ${events.length} events, ${new Set(events.map((e) => e.bug)).size} bugs, ${runtimes.length} runtimes\n`);
console.log("| runtime  | events | bugs | precision % | recall % | F1 % | v1 precision % | v1 recall % | v1 F1 % |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const runtime of runtimes) {
  const subset = events.filter((e) => e.runtime === runtime);
  const bugs = new Set(subset.map((e) => e.bug)).size;
  console.log(row(runtime, scorePairs(subset, (e) => e.bug, (e) => e.fingerprint), scorePairs(subset, (e) => e.bug, (e) => e.legacyFingerprint), subset.length, bugs));
}
const all = scorePairs(events, (e) => e.bug, (e) => e.fingerprint);
const allV1 = scorePairs(events, (e) => e.bug, (e) => e.legacyFingerprint);
console.log(row("all", all, allV1, events.length, new Set(events.map((e) => e.bug)).size));
console.log(`\npairs: ${all.truePositives} grouped right, ${all.falsePositives} false merges, ${all.falseNegatives} splits (v1: ${allV1.falsePositives} false merges, ${allV1.falseNegatives} splits)`);
console.log(`aim: F1 ≥ 97 % with precision ≥ 99 % → ${all.f1 >= 0.97 && all.precision >= 0.99 ? "met" : "NOT met"}`);

/** Every false merge (fingerprints holding several bugs) and split (bugs spread over fingerprints) of a corpus. */
function listMistakes(corpus: typeof events): void {
  const bugsOf = new Map<string, Set<string>>();
  for (const e of corpus) bugsOf.set(e.fingerprint, (bugsOf.get(e.fingerprint) ?? new Set()).add(e.bug));
  const merges = [...bugsOf.values()].filter((b) => b.size > 1);
  if (merges.length > 0) console.log(`\nfalse merges:\n${merges.map((b) => `  ${[...b].join(" + ")}`).join("\n")}`);
  const groupsOf = new Map<string, Map<string, string[]>>();
  for (const e of corpus) {
    const g = groupsOf.get(e.bug) ?? new Map<string, string[]>();
    g.set(e.fingerprint, [...(g.get(e.fingerprint) ?? []), e.id]);
    groupsOf.set(e.bug, g);
  }
  const splits = [...groupsOf.entries()].filter(([, g]) => g.size > 1);
  if (splits.length > 0) console.log(`\nsplits:\n${splits.map(([bug, g]) => `  ${bug}: ${[...g.values()].map((ids) => ids.join(",")).join(" | ")}`).join("\n")}`);
}
listMistakes(events);

const h = scorePairs(holdout, (e) => e.bug, (e) => e.fingerprint);
const hV1 = scorePairs(holdout, (e) => e.bug, (e) => e.legacyFingerprint);
console.log(`\nheld-out corpus (written after tuning; see its README): ${holdout.length} events, ${new Set(holdout.map((e) => e.bug)).size} bugs`);
console.log(row("holdout", h, hV1, holdout.length, new Set(holdout.map((e) => e.bug)).size));
console.log(`pairs: ${h.truePositives} grouped right, ${h.falsePositives} false merges, ${h.falseNegatives} splits`);
listMistakes(holdout);
