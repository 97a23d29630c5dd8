import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport/index.js";

/**
 * An SMTP transport for a connection URL (`smtp://user:pass@host:587`, `smtps://…`) whose timeouts
 * (connection, greeting, socket) and optional socket factory apply. Built from SMTPTransport rather
 * than createTransport({ url, … }): given a url, createTransport reads nothing else, so every other
 * option was silently dropped (a silent server was waited on for nodemailer's 30 s and 10 min).
 */
export function smtpTransport(url: string, options: { timeoutMs: number; getSocket?: SMTPTransport.Options["getSocket"] }): Transporter {
  return nodemailer.createTransport(
    new SMTPTransport({
      url,
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
      ...(options.getSocket ? { getSocket: options.getSocket } : {}),
    }),
  );
}
