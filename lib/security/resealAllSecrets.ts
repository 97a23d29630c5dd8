import { resealChannelSecrets } from "@/lib/alerts/channels/resealChannelSecrets";
import { resealForwardingSecrets } from "@/lib/forwarding/rules/resealForwardingSecrets";

export interface ResealCounts {
  resealed: number;
  unreadable: number;
}

/**
 * Every table with secrets sealed under FAULTLINE_SECRET_KEY: notification channels and forwarding
 * rules. Seals legacy plain rows and re-seals rows sealed with a previous key. Called at start-up (in
 * the background) and by `npm run secrets:rotate`.
 */
export async function resealAllSecrets(): Promise<{ channels: ResealCounts; forwardingRules: ResealCounts; total: ResealCounts }> {
  const channels = await resealChannelSecrets();
  const forwardingRules = await resealForwardingSecrets();
  return {
    channels,
    forwardingRules,
    total: { resealed: channels.resealed + forwardingRules.resealed, unreadable: channels.unreadable + forwardingRules.unreadable },
  };
}
