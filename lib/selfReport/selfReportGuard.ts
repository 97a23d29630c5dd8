/**
 * Keeps dogfooding from feeding on itself: when Faultline reports to itself and ingest is what is
 * failing, each report's own request fails the same way. The guard lets an error signature through
 * once per `repeatWindowMs` and at most `perMinute` reports in all, so such a loop stops after one
 * report and a burst of distinct failures cannot flood the reporting project either.
 */
export class SelfReportGuard {
  private readonly lastSeen = new Map<string, number>();
  private windowStart = 0;
  private inWindow = 0;

  constructor(private readonly limits: { perMinute: number; repeatWindowMs: number; maxSignatures?: number } = { perMinute: 30, repeatWindowMs: 60_000 }) {}

  allow(signature: string, now: number): boolean {
    const last = this.lastSeen.get(signature);
    if (last !== undefined && now - last < this.limits.repeatWindowMs) return false;
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.inWindow = 0;
    }
    if (this.inWindow >= this.limits.perMinute) return false;
    this.inWindow++;
    this.lastSeen.delete(signature);
    this.lastSeen.set(signature, now);
    const max = this.limits.maxSignatures ?? 1000;
    // Oldest first (Map keeps insertion order): forget the oldest signatures beyond the bound.
    while (this.lastSeen.size > max) this.lastSeen.delete(this.lastSeen.keys().next().value as string);
    return true;
  }
}

/** What identifies "the same failure again": its type and the start of its message. */
export function errorSignature(error: unknown): string {
  if (error instanceof Error) return `${error.name}:${error.message.slice(0, 200)}`;
  return `thrown:${String(error).slice(0, 200)}`;
}
