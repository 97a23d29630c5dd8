import { describe, expect, it } from "vitest";
import { answersFromLog, type AckState } from "@/lib/intake/ingestAck";

const idle: AckState = { mode: "auto", logEmpty: true, waitingWrites: 0, backlog: 8 };

describe("answersFromLog", () => {
  it("commit never answers from the log, log always does", () => {
    expect(answersFromLog({ ...idle, mode: "commit", logEmpty: false, waitingWrites: 100 })).toBe(false);
    expect(answersFromLog({ ...idle, mode: "log" })).toBe(true);
  });

  it("auto commits while the group commit keeps up", () => {
    expect(answersFromLog(idle)).toBe(false);
    expect(answersFromLog({ ...idle, waitingWrites: 7 })).toBe(false);
  });

  it("auto answers from the log once the backlog is reached", () => {
    expect(answersFromLog({ ...idle, waitingWrites: 8 })).toBe(true);
    expect(answersFromLog({ ...idle, waitingWrites: 50 })).toBe(true);
  });

  it("auto keeps answering from the log until the log is drained, whatever the backlog", () => {
    expect(answersFromLog({ ...idle, logEmpty: false, waitingWrites: 0 })).toBe(true);
  });
});
