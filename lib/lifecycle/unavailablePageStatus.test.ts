// @isolated: patches node:http's ServerResponse for the process (as the server does once at start).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerUnavailablePages503 } from "@/lib/lifecycle/unavailablePageStatus";
import { noteFailedRender } from "@/lib/lifecycle/unavailableRenders";

/** A page render as Next.js answers it: onRequestError with the request's headers, then a 500 (implicit or written). */
const unavailable = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });
let server: http.Server;
let url: string;

beforeAll(async () => {
  answerUnavailablePages503();
  server = http.createServer((req, res) => {
    const error = req.url === "/bug" ? new Error("TypeError in a component") : unavailable;
    if (req.url !== "/ok") noteFailedRender(error, req.headers);
    res.setHeader("content-type", "text/html");
    if (req.url === "/explicit") res.writeHead(500, { "x-next": "1" });
    else res.statusCode = req.url === "/ok" ? 200 : 500;
    res.end("<html>Database unavailable</html>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("answerUnavailablePages503", () => {
  it("answers a page that failed because the database is unavailable 503 with Retry-After, written or implicit", async () => {
    for (const path of ["/implicit", "/explicit"]) {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(await res.text()).toContain("Database unavailable");
    }
    expect((await fetch(`${url}/explicit`)).headers.get("x-next")).toBe("1");
  });

  it("leaves any other failure a 500, and other answers as they are", async () => {
    const bug = await fetch(`${url}/bug`);
    expect(bug.status).toBe(500);
    expect(bug.headers.get("retry-after")).toBeNull();
    expect((await fetch(`${url}/ok`)).status).toBe(200);
  });
});
