import { describe, expect, it } from "vitest";
import { answerBatch, firstIndexOfEventId, withDroppedAnswers } from "@/lib/ingest/repeatedEventIds";

const batch = [{ eventId: "dup" }, { eventId: "a" }, { eventId: "dup" }, { eventId: "old" }, { eventId: "old" }, { eventId: "dup" }];
const groups = ["gDupA", "gA", "gDupB", "gOldNew", "gOldOther", "gDupC"];

describe("an event id repeated in a batch", () => {
  it("points every copy at the first copy, whatever the order", () => {
    expect(firstIndexOfEventId(batch)).toEqual([0, 1, 0, 3, 3, 0]);
    expect(firstIndexOfEventId([])).toEqual([]);
  });

  it("answers the first copy as stored and later copies as its duplicates, in the first copy's group", () => {
    const answers = answerBatch(batch, firstIndexOfEventId(batch), {
      groupOf: (i) => groups[i],
      inserted: new Set(["dup", "a"]),
      sampled: new Set(["a"]),
      storedGroupOf: new Map([["old", "gOldStored"]]),
    });
    expect(answers).toEqual([
      { eventId: "dup", groupId: "gDupA", duplicate: false },
      { eventId: "a", groupId: "gA", duplicate: false, sampled: true },
      { eventId: "dup", groupId: "gDupA", duplicate: true },
      // Stored before this batch: answered with the issue that holds it, not the one its new copy would make.
      { eventId: "old", groupId: "gOldStored", duplicate: true },
      { eventId: "old", groupId: "gOldStored", duplicate: true },
      { eventId: "dup", groupId: "gDupA", duplicate: true },
    ]);
  });

  it("falls back to the event's own group when where the stored copy is is not known", () => {
    const one = [{ eventId: "x" }];
    expect(answerBatch(one, [0], { groupOf: () => "g", inserted: new Set(), sampled: new Set(), storedGroupOf: new Map() })).toEqual([{ eventId: "x", groupId: "g", duplicate: true }]);
  });
});

describe("a batch with events of an issue being deleted", () => {
  it("answers those as not stored, in the deleted issue, and the others with the written answers in order", () => {
    const events = [{ eventId: "a" }, { eventId: "gone1" }, { eventId: "b" }, { eventId: "gone2" }];
    const written = [
      { eventId: "a", groupId: "gA", duplicate: false },
      { eventId: "b", groupId: "gB", duplicate: false, sampled: true as const },
    ];
    expect(withDroppedAnswers(events, [undefined, "gDoomed", undefined, "gDoomed"], written)).toEqual([
      { eventId: "a", groupId: "gA", duplicate: false },
      { eventId: "gone1", groupId: "gDoomed", duplicate: true },
      { eventId: "b", groupId: "gB", duplicate: false, sampled: true },
      { eventId: "gone2", groupId: "gDoomed", duplicate: true },
    ]);
    expect(withDroppedAnswers([{ eventId: "x" }], ["gDoomed"], [])).toEqual([{ eventId: "x", groupId: "gDoomed", duplicate: true }]);
  });

  it("refuses answers that do not match the events written", () => {
    expect(() => withDroppedAnswers([{ eventId: "a" }, { eventId: "b" }], [undefined, undefined], [{ eventId: "a", groupId: "gA", duplicate: false }])).toThrow();
  });
});
