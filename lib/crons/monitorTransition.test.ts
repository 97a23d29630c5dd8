import { describe, expect, it } from "vitest";
import { applyRunOutcome, type MonitorState } from "@/lib/crons/monitorTransition";

const fresh = (over: Partial<MonitorState> = {}): MonitorState => ({
  status: "pending",
  consecutiveFailures: 0,
  consecutiveOks: 0,
  failureIssueThreshold: 1,
  recoveryThreshold: 1,
  ...over,
});

describe("applyRunOutcome", () => {
  it("raises the first failure with the default thresholds, and recovers on the next success", () => {
    const failed = applyRunOutcome(fresh({ status: "ok" }), "failure");
    expect(failed).toMatchObject({ raise: true, recovered: false, state: { status: "failing", consecutiveFailures: 1 } });
    const ok = applyRunOutcome(failed.state, "ok");
    expect(ok).toMatchObject({ raise: false, recovered: true, state: { status: "ok", consecutiveFailures: 0, consecutiveOks: 1 } });
  });

  it("waits for failure_issue_threshold consecutive failures; a success in between starts the count again", () => {
    let state = fresh({ status: "ok", failureIssueThreshold: 3 });
    const raised: boolean[] = [];
    for (const outcome of ["failure", "failure", "ok", "failure", "failure", "failure", "failure"] as const) {
      const t = applyRunOutcome(state, outcome);
      raised.push(t.raise);
      state = t.state;
    }
    expect(raised).toEqual([false, false, false, false, false, true, true]);
    expect(state.status).toBe("failing");
  });

  it("stays failing until recovery_threshold consecutive successes", () => {
    let state = fresh({ status: "failing", consecutiveFailures: 2, recoveryThreshold: 2 });
    const first = applyRunOutcome(state, "ok");
    expect(first).toMatchObject({ recovered: false, state: { status: "failing", consecutiveOks: 1 } });
    state = applyRunOutcome(first.state, "failure").state;
    const again = applyRunOutcome(state, "ok");
    expect(again.recovered).toBe(false);
    expect(applyRunOutcome(again.state, "ok")).toMatchObject({ recovered: true, state: { status: "ok" } });
  });

  it("turns a pending monitor ok on its first success without calling it a recovery", () => {
    expect(applyRunOutcome(fresh(), "ok")).toMatchObject({ recovered: false, state: { status: "ok" } });
  });
});
