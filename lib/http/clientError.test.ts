import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerClientError, clientErrorAnswer } from "@/lib/http/clientError";

/** Sends raw bytes (then half-closes the connection when `halfClose`) and reads the whole answer until the server closes it. */
function exchange(port: number, raw: string, halfClose = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("close", () => resolve(answer));
    socket.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" ? resolve(answer) : reject(error)));
    if (halfClose) socket.end(raw);
    else socket.write(raw);
  });
}

function parse(answer: string) {
  const [head, body] = answer.split("\r\n\r\n");
  const [statusLine, ...headers] = head.split("\r\n");
  return { statusLine, headers: Object.fromEntries(headers.map((h) => [h.slice(0, h.indexOf(":")).toLowerCase(), h.slice(h.indexOf(":") + 1).trim()])), body: JSON.parse(body) as unknown };
}

describe("answerClientError on a node:http server", () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    // Answers once the whole body is read, as the API's handlers do.
    server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => res.end("ok"));
    });
    server.on("clientError", answerClientError);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("a request line over 16 KB (a long query): 431 in JSON naming the problem, and the connection closed", async () => {
    const answer = parse(await exchange(port, `GET /api/v1/errors?query=${"x".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`));
    expect(answer.statusLine).toBe("HTTP/1.1 431 Request Header Fields Too Large");
    expect(answer.headers).toMatchObject({ "content-type": "application/json; charset=utf-8", connection: "close" });
    expect(answer.body).toEqual({ error: { code: "request_header_fields_too_large", message: expect.stringContaining(`exceed ${http.maxHeaderSize} bytes`), limit: http.maxHeaderSize } });
    expect(JSON.stringify(answer.body)).not.toContain("xxxx");
  });

  it("headers over the limit too; a malformed request a JSON 400 that repeats none of it", async () => {
    expect(parse(await exchange(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"y".repeat(20_000)}\r\n\r\n`)).statusLine).toBe("HTTP/1.1 431 Request Header Fields Too Large");
    const bad = parse(await exchange(port, "GET / HTTP/1.1\r\nHost: x\r\nBad Header secret-token\r\n\r\n"));
    expect(bad.statusLine).toBe("HTTP/1.1 400 Bad Request");
    expect(bad.body).toEqual({ error: { code: "bad_request", message: expect.any(String) } });
    expect(JSON.stringify(bad.body)).not.toContain("secret-token");
  });

  it("a body the client half-closed before sending whole: 400 body_incomplete naming the body, as the README promises", async () => {
    for (const raw of [
      'POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"type":"X"',
      'POST /api/v1/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nb\r\n{"type":"X"\r\n',
    ]) {
      const answer = parse(await exchange(port, raw, true));
      expect(answer.statusLine).toBe("HTTP/1.1 400 Bad Request");
      expect(answer.body).toEqual({ error: { code: "body_incomplete", message: expect.stringContaining("ended before it was complete"), field: "body" } });
    }
  });

  it("keeps serving good requests", async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("ok");
  });
});

describe("clientErrorAnswer", () => {
  it("maps node's parser codes to statuses", () => {
    expect(clientErrorAnswer("HPE_HEADER_OVERFLOW").status).toBe(431);
    expect(clientErrorAnswer("HPE_CHUNK_EXTENSIONS_OVERFLOW").body.error).toMatchObject({ code: "payload_too_large", field: "body" });
    expect(clientErrorAnswer("ERR_HTTP_REQUEST_TIMEOUT").status).toBe(408);
    expect(clientErrorAnswer("HPE_INVALID_METHOD").status).toBe(400);
    expect(clientErrorAnswer("HPE_INVALID_EOF_STATE")).toMatchObject({ status: 400, body: { error: { code: "body_incomplete", field: "body" } } });
    expect(clientErrorAnswer(undefined).status).toBe(400);
  });
});
