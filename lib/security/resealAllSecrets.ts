import { resealChannelSecrets } from "@/lib/alerts/channels/resealChannelSecrets";
import { resealUptimeSecrets } from "@/lib/crons/uptime/resealUptimeSecrets";
import { resealForwardingSecrets } from "@/lib/forwarding/rules/resealForwardingSecrets";
import { resealTwoFactorSecrets } from "@/lib/twoFactor/resealTwoFactorSecrets";

export interface ResealCounts {
  resealed: number;
  unreadable: number;
}

/**
 * Every table with secrets sealed under FAULTLINE_SECRET_KEY: notification channels, forwarding
 * rules, uptime monitors' request headers and users' authenticator secrets. Seals legacy plain rows and re-seals rows sealed with a previous key. Called at start-up (in
 * the background) and by `npm run secrets:rotate`.
 */
export async function resealAllSecrets(): Promise<{ channels: ResealCounts; forwardingRules: ResealCounts; uptimeMonitors: ResealCounts; twoFactor: ResealCounts; total: ResealCounts }> {
  const channels = await resealChannelSecrets();
  const forwardingRules = await resealForwardingSecrets();
  const uptimeMonitors = await resealUptimeSecrets();
  const twoFactor = await resealTwoFactorSecrets();
  const parts = [channels, forwardingRules, uptimeMonitors, twoFactor];
  return {
    channels,
    forwardingRules,
    uptimeMonitors,
    twoFactor,
    total: { resealed: parts.reduce((n, p) => n + p.resealed, 0), unreadable: parts.reduce((n, p) => n + p.unreadable, 0) },
  };
}
