export interface PairScore {
  /** Pairs put in one group that are one bug. */
  truePositives: number;
  /** Pairs put in one group that are different bugs (a false merge). */
  falsePositives: number;
  /** Pairs of one bug put in different groups (a split). */
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Pairwise precision/recall/F1 of a grouping against labels: every pair of events counts once,
 * so a bug with n events weighs n(n-1)/2 pairs. Precision 1 means no two bugs were merged.
 */
export function scorePairs<T>(items: T[], label: (item: T) => string, group: (item: T) => string): PairScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const sameBug = label(items[i]) === label(items[j]);
      const sameGroup = group(items[i]) === group(items[j]);
      if (sameBug && sameGroup) tp++;
      else if (sameGroup) fp++;
      else if (sameBug) fn++;
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}
