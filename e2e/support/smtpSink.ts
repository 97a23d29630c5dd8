import net from "node:net";
import type { AddressInfo } from "node:net";

export interface SunkMail {
  from: string;
  to: string[];
  /** Credentials the client authenticated with, if any. */
  auth: { user: string; pass: string } | null;
  raw: string;
  subject: string;
  /** The message with quoted-printable soft breaks and escapes decoded (good enough to search in). */
  text: string;
  at: number;
}

export interface SmtpSink {
  port: number;
  url(credentials?: { user: string; pass: string }): string;
  mails: SunkMail[];
  /** Answer the next `n` MAIL FROM commands with a temporary failure (451). */
  failNext(n: number): void;
  waitFor(count: number, timeoutMs?: number): Promise<SunkMail[]>;
  close(): Promise<void>;
}

/**
 * A minimal SMTP server for tests (RFC 5321 subset): EHLO/HELO, AUTH PLAIN and LOGIN (any
 * credentials accepted and recorded), MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT.
 * No TLS (not advertised, so clients do not try STARTTLS).
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: SunkMail[] = [];
  const listeners = new Set<() => void>();
  const sockets = new Set<net.Socket>();
  let failures = 0;

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let buffer = "";
    let mode: "command" | "data" | "auth-user" | "auth-pass" = "command";
    let envelope = { from: "", to: [] as string[] };
    let auth: SunkMail["auth"] = null;
    let pendingUser = "";
    let data: string[] = [];
    const reply = (line: string) => socket.write(`${line}\r\n`);

    reply("220 faultline-sink ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let eol: number;
      while ((eol = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        if (mode === "data") {
          if (line === ".") {
            mode = "command";
            const raw = data.join("\r\n");
            mails.push({ ...envelope, auth, raw, subject: subjectOf(raw), text: decodeQuotedPrintable(raw), at: Date.now() });
            envelope = { from: "", to: [] };
            data = [];
            reply("250 2.0.0 queued");
            listeners.forEach((l) => l());
          } else {
            data.push(line.startsWith("..") ? line.slice(1) : line);
          }
          continue;
        }
        if (mode === "auth-user") {
          pendingUser = Buffer.from(line, "base64").toString("utf8");
          mode = "auth-pass";
          reply(`334 ${Buffer.from("Password:").toString("base64")}`);
          continue;
        }
        if (mode === "auth-pass") {
          auth = { user: pendingUser, pass: Buffer.from(line, "base64").toString("utf8") };
          mode = "command";
          reply("235 2.7.0 authenticated");
          continue;
        }
        const [verb, ...rest] = line.split(" ");
        const arg = rest.join(" ");
        switch (verb.toUpperCase()) {
          case "EHLO":
            socket.write("250-faultline-sink\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
            break;
          case "HELO":
            reply("250 faultline-sink");
            break;
          case "AUTH": {
            const [method, initial] = arg.split(" ");
            if (method.toUpperCase() === "PLAIN" && initial) {
              const [, user, pass] = Buffer.from(initial, "base64").toString("utf8").split("\u0000");
              auth = { user, pass };
              reply("235 2.7.0 authenticated");
            } else if (method.toUpperCase() === "LOGIN") {
              mode = "auth-user";
              reply(`334 ${Buffer.from("Username:").toString("base64")}`);
            } else reply("504 5.5.4 unrecognized authentication type");
            break;
          }
          case "MAIL":
            if (failures > 0) {
              failures--;
              reply("451 4.3.0 try again later");
              break;
            }
            envelope.from = /<([^>]*)>/.exec(arg)?.[1] ?? "";
            reply("250 2.1.0 ok");
            break;
          case "RCPT":
            envelope.to.push(/<([^>]*)>/.exec(arg)?.[1] ?? "");
            reply("250 2.1.5 ok");
            break;
          case "DATA":
            mode = "data";
            reply("354 end data with <CR><LF>.<CR><LF>");
            break;
          case "RSET":
            envelope = { from: "", to: [] };
            reply("250 2.0.0 ok");
            break;
          case "NOOP":
            reply("250 2.0.0 ok");
            break;
          case "QUIT":
            reply("221 2.0.0 bye");
            socket.end();
            break;
          default:
            reply("502 5.5.2 command not implemented");
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    url: (credentials) =>
      credentials ? `smtp://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.pass)}@127.0.0.1:${port}` : `smtp://127.0.0.1:${port}`,
    mails,
    failNext(n) {
      failures = n;
    },
    waitFor(count, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (mails.length >= count) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(mails.slice());
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`smtp sink: expected ${count} mail(s), got ${mails.length}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

function subjectOf(raw: string): string {
  const headerEnd = raw.indexOf("\r\n\r\n");
  const headers = (headerEnd >= 0 ? raw.slice(0, headerEnd) : raw).replace(/\r\n[ \t]+/g, " ");
  const line = headers.split("\r\n").find((h) => /^subject:/i.test(h)) ?? "";
  return decodeEncodedWords(line.replace(/^subject:\s*/i, ""));
}

function decodeEncodedWords(text: string): string {
  return text
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQ(data.replace(/_/g, " ")),
    );
}

function decodeQ(text: string): string {
  return Buffer.from(text.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
}

function decodeQuotedPrintable(raw: string): string {
  return decodeQ(raw.replace(/=\r\n/g, ""));
}
