import net from "node:net";
import { bareHost, deniedLiteral } from "@/lib/outbound/deniedAddress";
import { guardedLookup } from "@/lib/outbound/guardedLookup";
import type { OutboundPolicy } from "@/lib/outbound/outboundPolicy";

/** The part of nodemailer's transport options a socket factory reads. */
export interface SmtpSocketOptions {
  host?: string;
  port?: number;
  secure?: boolean;
  connectionTimeout?: number;
}

export type SmtpSocketCallback = (error: Error | null, socket?: { connection: net.Socket }) => void;

/**
 * nodemailer's `getSocket` for an SMTP server a user typed: the TCP connection is opened here with
 * the outbound policy's lookup, so the addresses checked are the addresses connected to — the same
 * guard sendOutbound's sockets have, and no window between a check and nodemailer's own resolution
 * (DNS rebinding). nodemailer keeps the host name for the greeting, SNI and the certificate check,
 * and upgrades the socket to TLS itself (`smtps:` at once, STARTTLS when offered).
 */
export function guardedSmtpSocket(policy: OutboundPolicy): (options: SmtpSocketOptions, callback: SmtpSocketCallback) => void {
  return (options, callback) => {
    const timeoutMs = options.connectionTimeout ?? 10_000;
    const host = bareHost(options.host ?? "localhost");
    const denied = deniedLiteral(host, policy);
    if (denied) return setImmediate(() => callback(denied));
    const socket = net.connect({ host, port: Number(options.port) || (options.secure ? 465 : 587), lookup: guardedLookup(policy) });
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.off("error", settle);
      if (error) {
        socket.destroy();
        return callback(error);
      }
      callback(null, { connection: socket });
    };
    const timer = setTimeout(() => settle(Object.assign(new Error(`connection timed out after ${timeoutMs} ms`), { code: "ETIMEDOUT" })), timeoutMs);
    socket.once("connect", () => settle(null));
    socket.on("error", settle);
  };
}
