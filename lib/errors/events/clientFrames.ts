/**
 * Whether an occurrence's frames are a client's own structured frames — a Sentry SDK's, whose event
 * keeps its Sentry context (`metadata.sentry`) — so that their in_app flags are the SDK's judgement,
 * not a guess made while reading a trace's text (lib/grouping/frames/configuredInApp.ts).
 */
export function hasClientFrames(metadata: unknown): boolean {
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return false;
  const sentry = (metadata as Record<string, unknown>).sentry;
  return Boolean(sentry) && typeof sentry === "object" && !Array.isArray(sentry);
}
