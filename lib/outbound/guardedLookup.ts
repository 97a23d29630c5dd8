import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import { deniedAddress } from "@/lib/outbound/deniedAddress";
import type { OutboundPolicy } from "@/lib/outbound/outboundPolicy";

export type ResolveAll = (hostname: string, options: LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A `lookup` for net/tls connections that resolves a host name and refuses the connection when any
 * of its addresses is denied — checked on the addresses the socket then connects to, so a name
 * that resolves to a public address when a URL is saved and to an internal one when it is used
 * (DNS rebinding) is still refused. Any denied address refuses the whole name: a name that mixes
 * public and internal addresses is not a target worth connecting to.
 */
export function guardedLookup(policy: OutboundPolicy, resolve: ResolveAll = dnsLookup): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const denied = deniedAddress(addresses.map((a) => a.address), policy);
      if (denied) return callback(denied, "", 0);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
      if (options.all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}
