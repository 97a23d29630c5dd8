import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardedLookup } from "@/lib/outbound/guardedLookup";
import { parseNetworkList } from "@/lib/outbound/networkList";
import { createOutboundPolicy } from "@/lib/outbound/outboundPolicy";
import { sendOutbound } from "@/lib/outbound/sendOutbound";

const allowed = (text: string) => {
  const parsed = parseNetworkList(text);
  if ("invalid" in parsed) throw new Error(parsed.invalid);
  return parsed.networks;
};

/** Real sockets on loopback: 127.0.0.1 is opened by the allow list, the rest of 127/8 stays denied. */
const policy = createOutboundPolicy({ privateNetworks: "deny", allowed: allowed("127.0.0.1") });
let server: Server;
let port: number;
const hits: string[] = [];
let connections = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.headers.host} ${req.url}${req.headers.authorization ? " (authorized)" : ""}`);
    if (req.url === "/to-denied") res.writeHead(302, { location: `http://127.0.0.2:${port}/secret` }).end();
    else if (req.url === "/to-ok") res.writeHead(303, { location: "/ok" }).end();
    else if (req.url === "/moved-307") res.writeHead(307, { location: "/ok" }).end();
    else if (req.url === "/to-localhost") res.writeHead(302, { location: `http://localhost:${port}/ok` }).end();
    else if (req.url === "/small") res.writeHead(202).end("accepted");
    else if (req.url === "/stall") res.writeHead(200).write("partial"); // never ends
    else res.writeHead(200, { "retry-after": "5" }).end("x".repeat(100_000));
  });
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("sendOutbound", () => {
  it("reaches an allowed address and reports its status and headers without reading the body", async () => {
    const res = await sendOutbound({ url: `http://127.0.0.1:${port}/ok`, method: "POST", headers: { "content-type": "application/json" }, body: "{}", timeoutMs: 5000, policy });
    expect(res.status).toBe(200);
    expect(res.headers["retry-after"]).toBe("5");
  });

  it("follows redirects as fetch does: a 303 turns a PUT into a GET but keeps a HEAD; a 307 keeps the method", async () => {
    const follow = (method: "PUT" | "HEAD" | "DELETE", path: string) =>
      sendOutbound({ url: `http://127.0.0.1:${port}${path}`, method, headers: {}, ...(method === "PUT" && { body: "{}" }), timeoutMs: 5000, maxRedirects: 1, policy });
    hits.length = 0;
    expect((await follow("PUT", "/to-ok")).status).toBe(200);
    expect((await follow("HEAD", "/to-ok")).status).toBe(200);
    expect((await follow("DELETE", "/moved-307")).status).toBe(200);
    expect(hits.map((h) => h.replace(/ \S+:\d+ /, " "))).toEqual(["PUT /to-ok", "GET /ok", "HEAD /to-ok", "HEAD /ok", "DELETE /moved-307", "DELETE /ok"]);
  });

  it("refuses a denied IP address before connecting", async () => {
    hits.length = 0;
    await expect(sendOutbound({ url: `http://127.0.0.2:${port}/x`, method: "GET", headers: {}, timeoutMs: 5000, policy })).rejects.toThrow(
      "127.0.0.2 is a loopback address; OUTBOUND_ALLOWED_NETWORKS may allow it",
    );
    expect(hits).toEqual([]);
  });

  it("refuses a host name when its resolved address is denied", async () => {
    const closed = createOutboundPolicy({ privateNetworks: "deny", allowed: [] });
    await expect(sendOutbound({ url: `http://localhost:${port}/x`, method: "GET", headers: {}, timeoutMs: 5000, policy: closed })).rejects.toMatchObject({
      name: "OutboundDeniedError",
    });
  });

  it("checks every redirect hop, and follows only as many as asked", async () => {
    hits.length = 0;
    await expect(sendOutbound({ url: `http://127.0.0.1:${port}/to-denied`, method: "GET", headers: {}, timeoutMs: 5000, policy, maxRedirects: 5 })).rejects.toThrow(/127\.0\.0\.2 is a loopback/);
    expect(hits).toEqual([`GET 127.0.0.1:${port} /to-denied`]);
    const notFollowed = await sendOutbound({ url: `http://127.0.0.1:${port}/to-denied`, method: "POST", headers: {}, body: "{}", timeoutMs: 5000, policy });
    expect(notFollowed.status).toBe(302);
    hits.length = 0;
    const followed = await sendOutbound({ url: `http://127.0.0.1:${port}/to-ok`, method: "POST", headers: {}, body: "{}", timeoutMs: 5000, policy, maxRedirects: 5 });
    expect(followed.status).toBe(200);
    expect(hits).toEqual([`POST 127.0.0.1:${port} /to-ok`, `GET 127.0.0.1:${port} /ok`]);
  });

  it("reuses a connection after a small answer, and answers at once when the body stalls", async () => {
    const before = connections;
    for (let i = 0; i < 3; i++) {
      expect((await sendOutbound({ url: `http://127.0.0.1:${port}/small`, method: "POST", headers: {}, body: "{}", timeoutMs: 5000, policy })).status).toBe(202);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(connections - before).toBe(1);
    expect((await sendOutbound({ url: `http://127.0.0.1:${port}/stall`, method: "POST", headers: {}, body: "{}", timeoutMs: 5000, policy })).status).toBe(200);
  });

  it("reads at most bodyLimit bytes of the body", async () => {
    const res = await sendOutbound({ url: `http://127.0.0.1:${port}/ok`, method: "GET", headers: {}, timeoutMs: 5000, policy, bodyLimit: 1000 });
    expect(res.body).toBe("x".repeat(1000));
  });

  it("keeps credentials with their origin across redirects", async () => {
    hits.length = 0;
    const open = createOutboundPolicy({ privateNetworks: "allow", allowed: [] });
    const headers = { authorization: "Bearer s3cret", accept: "*/*" };
    await sendOutbound({ url: `http://127.0.0.1:${port}/to-ok`, method: "GET", headers, timeoutMs: 5000, policy: open, maxRedirects: 5 });
    await sendOutbound({ url: `http://127.0.0.1:${port}/to-localhost`, method: "GET", headers, timeoutMs: 5000, policy: open, maxRedirects: 5 });
    expect(hits).toEqual([
      `GET 127.0.0.1:${port} /to-ok (authorized)`,
      `GET 127.0.0.1:${port} /ok (authorized)`,
      `GET 127.0.0.1:${port} /to-localhost (authorized)`,
      `GET localhost:${port} /ok`,
    ]);
  });

  it("refuses another protocol's port", async () => {
    await expect(sendOutbound({ url: "http://127.0.0.1:25/", method: "GET", headers: {}, timeoutMs: 5000, policy })).rejects.toThrow(/port 25 belongs to another protocol/);
  });
});

describe("guardedLookup", () => {
  const open = createOutboundPolicy({ privateNetworks: "allow", allowed: [] });
  const resolveTo =
    (...addresses: string[]) =>
    (_host: string, _options: unknown, callback: (error: NodeJS.ErrnoException | null, addresses: { address: string; family: number }[]) => void) =>
      callback(null, addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));

  const run = (lookup: ReturnType<typeof guardedLookup>, all: boolean) =>
    new Promise<{ error: Error | null; result: unknown }>((resolve) => lookup("example.test", { all }, (error, address, family) => resolve({ error, result: all ? address : [address, family] })));

  it("answers in the form the socket asked for", async () => {
    expect(await run(guardedLookup(open, resolveTo("93.184.216.34", "2606:2800::1")), false)).toEqual({ error: null, result: ["93.184.216.34", 4] });
    expect((await run(guardedLookup(open, resolveTo("93.184.216.34", "2606:2800::1")), true)).result).toHaveLength(2);
  });

  it("refuses a name when any of its addresses is denied (a rebinding name mixing public and internal)", async () => {
    const { error } = await run(guardedLookup(open, resolveTo("93.184.216.34", "169.254.169.254")), true);
    expect(error?.message).toBe("169.254.169.254 is a link-local address (cloud instance metadata); OUTBOUND_ALLOWED_NETWORKS may allow it");
  });
});
