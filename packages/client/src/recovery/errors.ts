/** Thrown by withTimeout when the operation did not settle in time. */
export class TimeoutError extends Error {
  constructor(
    message: string,
    readonly timeoutMs: number,
  ) {
    super(message);
    this.name = "TimeoutError";
  }
}

/** Thrown by a circuit breaker's function while the circuit is open: the call was not made. */
export class CircuitOpenError extends Error {
  constructor(
    message: string,
    /** When the breaker lets a trial call through (epoch ms). */
    readonly retryAt: number,
  ) {
    super(message);
    this.name = "CircuitOpenError";
  }
}
