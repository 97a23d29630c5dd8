import { resealChannelSecrets } from "@/lib/alerts/channels/resealChannelSecrets";
import { resealUptimeSecrets } from "@/lib/crons/uptime/resealUptimeSecrets";
import { resealForwardingSecrets } from "@/lib/forwarding/rules/resealForwardingSecrets";
import { resealIngestKeys } from "@/lib/projects/resealIngestKeys";
import { resealTwoFactorSecrets } from "@/lib/twoFactor/resealTwoFactorSecrets";

export interface ResealCounts {
  resealed: number;
  unreadable: number;
}

/**
 * Every table with secrets sealed under FAULTLINE_SECRET_KEY: notification channels, forwarding
 * rules, uptime monitors' request headers, users' authenticator secrets and ingest keys' copies.
 * Seals legacy plain rows and re-seals rows sealed with a previous key. Called at start-up (in the
 * background) and by `npm run secrets:rotate`.
 */
export async function resealAllSecrets(): Promise<{
  channels: ResealCounts;
  forwardingRules: ResealCounts;
  uptimeMonitors: ResealCounts;
  twoFactor: ResealCounts;
  ingestKeys: ResealCounts;
  total: ResealCounts;
}> {
  const channels = await resealChannelSecrets();
  const forwardingRules = await resealForwardingSecrets();
  const uptimeMonitors = await resealUptimeSecrets();
  const twoFactor = await resealTwoFactorSecrets();
  const ingestKeys = await resealIngestKeys();
  const parts = [channels, forwardingRules, uptimeMonitors, twoFactor, ingestKeys];
  return {
    channels,
    forwardingRules,
    uptimeMonitors,
    twoFactor,
    ingestKeys,
    total: { resealed: parts.reduce((n, p) => n + p.resealed, 0), unreadable: parts.reduce((n, p) => n + p.unreadable, 0) },
  };
}
