/**
 * Whether an occurrence's frames are a client's own structured frames — marked on its stored chain
 * (StoredChainException.clientFrames, since 2026-12-07), or a Sentry SDK's event, which keeps its
 * Sentry context (`metadata.sentry`) — so that their in_app flags are the SDK's judgement, not a
 * guess made while reading a trace's text (lib/grouping/frames/configuredInApp.ts): the viewer then
 * judges in-app as grouping did.
 */
export function hasClientFrames(metadata: unknown, exceptions?: unknown): boolean {
  if (Array.isArray(exceptions) && exceptions.some((e) => typeof e === "object" && e !== null && (e as { clientFrames?: unknown }).clientFrames === true)) return true;
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) return false;
  const sentry = (metadata as Record<string, unknown>).sentry;
  return Boolean(sentry) && typeof sentry === "object" && !Array.isArray(sentry);
}
