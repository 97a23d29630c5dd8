import { describe, expect, it } from "vitest";
import { detectSpikes } from "@/lib/analytics/detectSpikes";

const buckets = (counts: number[]) => counts.map((count, i) => ({ timestamp: String(i), count }));
const spans = (counts: number[], history: number[] = []) => detectSpikes(buckets(counts), history).map((s) => [s.startIndex, s.endIndex]);
const repeat = (value: number, n: number) => Array<number>(n).fill(value);

describe("detectSpikes", () => {
  it("flags a bucket above 3× the trailing mean and merges neighbours", () => {
    expect(detectSpikes(buckets([2, 2, 2, 2, 2, 2, 30, 40, 2, 2]))).toEqual([{ startIndex: 6, endIndex: 7, peak: 40, total: 70, baseline: 2 }]);
  });

  it("finds nothing in a flat series, however high, nor below 3× or under 5 errors", () => {
    expect(spans(repeat(0, 30))).toEqual([]);
    expect(spans(repeat(40, 30), repeat(40, 6))).toEqual([]);
    expect(spans([4, 4, 4, 4, 4, 4, 12])).toEqual([]);
    expect(spans([0, 0, 0, 0, 0, 0, 4])).toEqual([]);
  });

  it("uses history before the window as baseline", () => {
    expect(spans([10], [10, 10, 10])).toEqual([]);
    expect(spans([10], [1, 1, 1])).toEqual([[0, 0]]);
  });

  it("keeps flagging a burst that is still going over an established baseline", () => {
    expect(detectSpikes(buckets([2, 2, 2, 2, 2, 2, 20, 25]))).toEqual([{ startIndex: 6, endIndex: 7, peak: 25, total: 45, baseline: 2 }]);
  });

  it("takes a lasting step up for a new level, not a never-ending spike", () => {
    expect(spans([1, 1, 1, 1, 1, 1, 10, 10, 11, 10, 12, 10, 10, 11, 10])).toEqual([]);
    // The new level is the baseline of what follows: a 25 on it is no spike, a 60 is.
    expect(spans([1, 1, 1, 1, 1, 1, 10, 10, 11, 10, 12, 10, 10, 25, 10, 60, 10])).toEqual([[15, 15]]);
  });

  it("finds the burst on top of a step up: the review's daily series", () => {
    // 1, 1, 4, 1, 1, 1, then a steady 10–15 a day with 50 on the fourth day (30-day view, nothing before).
    const month = [...repeat(1, 19), 4, 1, 1, 1, 10, 11, 14, 50, 12, 10, 15];
    expect(detectSpikes(buckets(month), repeat(0, 6))).toEqual([{ startIndex: 26, endIndex: 26, peak: 50, total: 50, baseline: 12 }]);
    // The same days in the 7-day view's 6-hour buckets: the burst's quarter day, nothing else.
    const week = [3, 3, 2, 2, 3, 4, 2, 2, 3, 3, 6, 2, 3, 3, 42, 2, 3, 5, 2, 2, 3, 2, 2, 3, 3, 2, 4, 6];
    expect(spans(week, [0, 1, 0, 0, 1, 0])).toEqual([[14, 14]]);
  });

  it("does not call data that starts from nothing a spike", () => {
    // The demo workspace's 30-day view: two days of errors, none before.
    expect(spans([...repeat(0, 28), 70, 85], repeat(0, 6))).toEqual([]);
    // A stray error a few days earlier does not make a baseline either.
    expect(spans([...repeat(0, 24), 1, 0, 0, 0, 70, 85], repeat(0, 6))).toEqual([]);
    // Its 24-hour view: about 5 an hour from the first hour on.
    expect(spans([6, 5, 7, 4, 6, 6, 5, 8, 6, 3, 5, 6, 6, 4, 7, 5, 6, 6, 5, 4, 6, 5, 7, 6], repeat(0, 6))).toEqual([]);
    // A level from nothing with a burst on it still shows the burst.
    expect(spans([0, 0, 30, 31, 100, 30], repeat(0, 6))).toEqual([[4, 4]]);
  });

  it("flags a burst from nothing once it has fallen back", () => {
    expect(detectSpikes(buckets([...repeat(0, 20), 10, 10, 10, 0, 0, 0]), repeat(0, 6))).toEqual([{ startIndex: 20, endIndex: 22, peak: 10, total: 30, baseline: 0 }]);
    // Errors that have just started are not measured against themselves.
    expect(spans([...repeat(0, 20), 10, 10, 10, 0, 0, 10], repeat(0, 6))).toEqual([[20, 22]]);
  });

  it("finds two separate bursts: a spike does not raise the baseline of the next", () => {
    expect(spans([2, 2, 2, 2, 2, 2, 100, 2, 2, 30, 2, 2])).toEqual([
      [6, 6],
      [9, 9],
    ]);
  });

  it("keeps spikes within the window when history is given", () => {
    const spikes = detectSpikes(buckets([2, 2, 50, 2]), [2, 2, 2, 2, 2, 2]);
    expect(spikes).toEqual([{ startIndex: 2, endIndex: 2, peak: 50, total: 50, baseline: 2 }]);
  });
});
