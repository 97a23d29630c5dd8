import fs from "node:fs";
import path from "node:path";
import { parseCorpus, type CorpusEvent } from "@/lib/grouping/corpus/corpusFormat";

export const CORPUS_DIR = path.resolve(import.meta.dirname, "../__corpus__");

/** Every corpus file, one runtime each, in name order. */
export function loadCorpus(dir: string = CORPUS_DIR): CorpusEvent[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((f) => parseCorpus(fs.readFileSync(path.join(dir, f), "utf8"), f.replace(/\.txt$/, "")));
}
