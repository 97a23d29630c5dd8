import { describe, expect, it } from "vitest";
import { parseDsn } from "@/lib/sentry/parseDsn";

describe("parseDsn", () => {
  it.each([
    ["https://3a1f6c2e9b7d4e5f@errors.example.com/42", { publicKey: "3a1f6c2e9b7d4e5f", projectId: "42", host: "errors.example.com" }],
    ["http://abc@localhost:3000/7", { publicKey: "abc", projectId: "7", host: "localhost:3000" }],
    ["https://abc:legacysecret@Errors.Example.com/42", { publicKey: "abc", projectId: "42", host: "errors.example.com" }],
    ["https://abc@example.com/faultline/ingest/42", { publicKey: "abc", projectId: "42", host: "example.com" }],
    ["https://abc@example.com/42/", { publicKey: "abc", projectId: "42", host: "example.com" }],
    ["  https://abc@[::1]:8443/proj_1  ", { publicKey: "abc", projectId: "proj_1", host: "[::1]:8443" }],
  ])("parses %s", (dsn, expected) => {
    expect(parseDsn(dsn)).toEqual(expected);
  });

  it.each([
    [""],
    ["not a url"],
    ["https://errors.example.com/42"],
    ["https://abc@errors.example.com"],
    ["https://abc@errors.example.com/"],
    ["ftp://abc@errors.example.com/42"],
    ["https://abc@errors.example.com/42?x=1"],
    ["https://abc@errors.example.com/4%202"],
    ["https://%E0%A4%A@errors.example.com/42"],
  ])("rejects %s", (dsn) => {
    expect(parseDsn(dsn)).toBeNull();
  });

  it("rejects non-strings", () => {
    expect(parseDsn(undefined as unknown as string)).toBeNull();
  });
});
