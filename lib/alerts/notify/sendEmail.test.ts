import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendEmail } from "@/lib/alerts/notify/sendEmail";
import { createOutboundPolicy } from "@/lib/outbound/outboundPolicy";
import { startSmtpSink, type SmtpSink } from "@/e2e/support/smtpSink";

const message = { subject: "Checkout failed", text: "TypeError in checkout", html: "<p>TypeError in checkout</p>" };

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(() => sink.close());

const policy = createOutboundPolicy({ privateNetworks: "allow", allowed: [] });

function send(smtpUrl: string, userServer: boolean) {
  return sendEmail({ smtpUrl, userServer, policy, from: "alerts@test.local", to: ["ops@example.com"], message, headers: {}, timeoutMs: 5_000 });
}

describe("sendEmail", () => {
  it("delivers through the guarded socket to a user's server by name, and authenticates", async () => {
    const before = sink.mails.length;
    const outcome = await send(`smtp://alerts:pw@localhost:${sink.port}`, true);
    expect(outcome).toMatchObject({ ok: true });
    const mails = await sink.waitFor(before + 1);
    expect(mails.at(-1)).toMatchObject({ subject: "Checkout failed", to: ["ops@example.com"], auth: { user: "alerts", pass: "pw" } });
  });

  it("refuses a user's server whose name resolves to a denied address, without retrying", async () => {
    const outcome = await send("smtp://169.254.169.254:25", true);
    expect(outcome).toMatchObject({ ok: false, retryable: false });
    expect(outcome.error).toMatch(/^blocked: 169\.254\.169\.254 is a link-local address/);
  });

  it("holds a user's server to the policy: loopback refused under deny", async () => {
    const deny = createOutboundPolicy({ privateNetworks: "deny", allowed: [] });
    const outcome = await sendEmail({ smtpUrl: `smtp://localhost:${sink.port}`, userServer: true, policy: deny, from: "a@test.local", to: ["ops@example.com"], message, headers: {}, timeoutMs: 5_000 });
    expect(outcome).toMatchObject({ ok: false, retryable: false });
    expect(outcome.error).toMatch(/^blocked: .* loopback/);
  });

  it("names an unreachable server as a retryable failure", async () => {
    const closed = await startSmtpSink();
    const port = closed.port;
    await closed.close();
    const outcome = await send(`smtp://127.0.0.1:${port}`, true);
    expect(outcome).toMatchObject({ ok: false, retryable: true });
  });

  it("gives up on a server that never greets after the delivery's timeout, not nodemailer's 30 s", { timeout: 20_000 }, async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const outcome = await sendEmail({ smtpUrl: `smtp://127.0.0.1:${port}`, userServer: true, policy, from: "a@test.local", to: ["ops@example.com"], message, headers: {}, timeoutMs: 500 });
      expect(outcome).toMatchObject({ ok: false, retryable: true });
      expect(outcome.error).toMatch(/tim/i);
    } finally {
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
  });
});
