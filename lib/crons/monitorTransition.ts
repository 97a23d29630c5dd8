export type MonitorStatus = "pending" | "ok" | "failing";

/** What a monitor's failure and recovery decisions depend on (CronMonitor's columns). */
export interface MonitorState {
  status: MonitorStatus;
  consecutiveFailures: number;
  consecutiveOks: number;
  failureIssueThreshold: number;
  recoveryThreshold: number;
}

export interface Transition {
  state: MonitorState;
  /** The failure is reported as an event of the monitor's issue (the failure threshold is reached). */
  raise: boolean;
  /** The monitor was failing and has now had enough successful runs: its issue resolves. */
  recovered: boolean;
}

/**
 * A finished run's effect on its monitor (Sentry's thresholds): `failure_issue_threshold`
 * consecutive failures (error, missed, timeout) make it failing, and from then on every failure is
 * an event of its issue; `recovery_threshold` consecutive successful runs make it ok again.
 */
export function applyRunOutcome(state: MonitorState, outcome: "ok" | "failure"): Transition {
  if (outcome === "failure") {
    const consecutiveFailures = state.consecutiveFailures + 1;
    const raise = consecutiveFailures >= state.failureIssueThreshold;
    return { state: { ...state, consecutiveFailures, consecutiveOks: 0, status: raise ? "failing" : state.status }, raise, recovered: false };
  }
  const consecutiveOks = state.consecutiveOks + 1;
  const recovered = state.status === "failing" && consecutiveOks >= state.recoveryThreshold;
  const status: MonitorStatus = state.status === "failing" && !recovered ? "failing" : "ok";
  return { state: { ...state, consecutiveOks, consecutiveFailures: 0, status }, raise: false, recovered };
}
