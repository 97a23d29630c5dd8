import { describe, expect, it } from "vitest";
import { normaliseMessage, normaliseMessageAndPrevious } from "@/lib/grouping/message/normaliseMessage";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";

const norm = (message: string, type = "Error", language: "javascript" | "python" | "dotnet" | "java" | "go" = "javascript") => normaliseMessage(type, message, language);

describe("HTTP status codes in a keyed message", () => {
  it("keeps a client error's code where the message says it is one", () => {
    expect(norm("Request failed with status code 404")).toBe("Request failed with status code 404");
    expect(norm("Request failed with status code 404")).not.toBe(norm("Request failed with status code 401"));
    expect(norm("HTTP Error 404: Not Found", "HTTPError", "python")).toBe("HTTP Error 404: Not Found");
    expect(norm("404 Client Error: Not Found for url: https://api.example.com/orders/8812", "HTTPError", "python")).toBe("404 Client Error: Not Found for url: <url>");
    expect(norm("Response status code does not indicate success: 409 (Conflict).", "HttpRequestException", "dotnet")).toBe("Response status code does not indicate success: 409 (Conflict)");
    expect(norm("Server returned HTTP response code: 403 for URL: https://x.example/a?id=1", "IOException", "java")).toBe("Server returned HTTP response code: 403 for URL: <url>");
    expect(norm("unexpected status: 422 for order 8812", "*errors.errorString", "go")).toBe("unexpected status: 422 for order <num>");
    expect(norm("upstream answered status=429 after 3 retries")).toBe("upstream answered status=429 after <num> retries");
    expect(norm("HTTP/1.1 400 Bad Request")).toBe("HTTP/<num> 400 Bad Request");
  });

  it("keeps a server error as its class: an upstream answers 500, 502 or 503 as its state goes", () => {
    expect(norm("Request failed with status code 500")).toBe("Request failed with status code 5xx");
    expect(norm("Request failed with status code 503")).toBe(norm("Request failed with status code 500"));
    expect(norm("502 Server Error: Bad Gateway for url: https://api.example.com/x", "HTTPError", "python")).toBe("5xx Server Error: Bad Gateway for url: <url>");
  });

  it("leaves other numbers placeholders: ids, counts, a code no wording marks, a longer number", () => {
    expect(norm("order 404 not found")).toBe("order <num> not found");
    expect(norm("status 4041 unknown")).toBe("status <num> unknown");
    expect(norm("status 404.5")).toBe("status <num>");
    expect(norm("got 3 of 404 items")).toBe("got <num> of <num> items");
    expect(norm('failed: "status code 404"')).toBe("failed: <str>");
  });

  it("normalises the previous way without the codes, only when a code was kept", () => {
    expect(normaliseMessageAndPrevious("AxiosError", "Request failed with status code 404", "javascript")).toEqual({ current: "Request failed with status code 404", previous: "Request failed with status code <num>" });
    const plain = normaliseMessageAndPrevious("Error", "order 8812 not found", "javascript");
    expect(plain.previous).toBe(plain.current);
  });
});

describe("an HTTP client's error raised from its own code (review s54)", () => {
  const axios = (code: number) =>
    prepareEvent(
      IngestEventSchema.parse({
        type: "AxiosError",
        message: `Request failed with status code ${code}`,
        platform: "node",
        stackTrace: [
          `AxiosError: Request failed with status code ${code}`,
          "    at settle (/app/node_modules/axios/dist/node/axios.cjs:1966:12)",
          "    at IncomingMessage.handleStreamEnd (/app/node_modules/axios/dist/node/axios.cjs:3065:11)",
          "    at IncomingMessage.emit (node:events:531:35)",
          "    at endReadableNT (node:internal/streams/readable:1696:12)",
          "    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)",
        ].join("\n"),
      }),
      new Date("2026-12-09T12:00:00Z"),
    );

  it("makes a 404 and a 500 two issues, a 500 and a 503 one", () => {
    expect(axios(404).fingerprint).not.toBe(axios(500).fingerprint);
    expect(axios(503).fingerprint).toBe(axios(500).fingerprint);
  });

  it("carries the key they all had before the change as the previous fingerprint, exactly as it was computed then", () => {
    for (const code of [404, 500]) expect(axios(code).previousFingerprint).toBe("92c1fdcd88a02b12c59f4d5088b049c6");
    const logged = prepareEvent(IngestEventSchema.parse({ type: "Error", message: "Upstream answered HTTP 404 for order 8812", platform: "node" }), new Date("2026-12-09T12:00:00Z"));
    expect(logged.previousFingerprint).toBe("76758983a88ef2112c0ab1cd1fa6a566");
  });
});
