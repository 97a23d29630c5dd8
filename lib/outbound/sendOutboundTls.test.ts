import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeFailure } from "@/lib/alerts/notify/describeFailure";
import { createOutboundPolicy } from "@/lib/outbound/outboundPolicy";
import { sendOutbound } from "@/lib/outbound/sendOutbound";

/**
 * A real TLS server with a self-signed certificate valid for 5 days (made by openssl for this run):
 * refused as unverifiable unless the request accepts invalid certificates, and its expiry reported
 * either way it is read.
 */
const policy = createOutboundPolicy({ privateNetworks: "allow", allowed: [] });
let server: Server;
let url: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "faultline-tls-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "5", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { stdio: "ignore" });
  server = createServer({ key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) }, (_req, res) => res.end("hello"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `https://localhost:${(server.address() as AddressInfo).port}/health`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe("sendOutbound over TLS", () => {
  it("refuses a certificate that does not verify, naming why", async () => {
    const error = await sendOutbound({ url, method: "GET", headers: {}, timeoutMs: 5000, policy }).catch((e: unknown) => e);
    expect(describeFailure(error, 5000)).toBe("TLS certificate rejected (DEPTH_ZERO_SELF_SIGNED_CERT)");
  });

  it("reports when the certificate expires, when the request accepts invalid certificates", async () => {
    const res = await sendOutbound({ url, method: "GET", headers: {}, timeoutMs: 5000, policy, acceptInvalidCertificates: true });
    expect(res.status).toBe(200);
    const daysLeft = (res.certificateValidTo!.getTime() - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(4);
    expect(daysLeft).toBeLessThanOrEqual(5);
  });
});
