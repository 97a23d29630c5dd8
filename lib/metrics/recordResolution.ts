import { metrics } from "@/lib/metrics/registry";

/** Observes how long an error took from first occurrence to resolution. */
export function recordResolution(input: { workspaceId: string; severity: string; category: string; firstSeen: Date; resolvedAt: Date }): void {
  const seconds = Math.max(0, (input.resolvedAt.getTime() - input.firstSeen.getTime()) / 1000);
  metrics().resolutionSeconds.observe({ workspace: input.workspaceId, severity: input.severity, category: input.category }, seconds);
}
