import { describe, expect, it } from "vitest";
import type { ForwardedEvent } from "@/lib/forwarding/forwardedEvent";
import { toSentryEvent } from "@/lib/forwarding/payloads/sentryEnvelope";

const event: ForwardedEvent = {
  eventId: "evt-lua-1",
  groupId: "0190a000-0000-8000-8000-000000000001",
  projectId: "0190a000-0000-7000-8000-000000000002",
  type: "error",
  message: "order 42 has no customer",
  severity: "high",
  category: "application",
  source: "api",
  platform: "lua",
  environment: null,
  release: null,
  occurredAt: "2026-11-25T10:00:00.000Z",
  userId: null,
  agentId: null,
  tags: {},
  metadata: {},
  stackTrace: null,
  frames: [],
  parentEventId: null,
  recovery: null,
};

describe("toSentryEvent platform", () => {
  it("names Perl and Haskell as Sentry does, and Lua, OCaml, Julia, Zig, Crystal and Nim, which Sentry does not name, other", () => {
    const platform = (p: string) => toSentryEvent({ ...event, platform: p }).platform;
    expect(["perl", "perl5", "haskell", "ghc"].map(platform)).toEqual(["perl", "perl", "haskell", "haskell"]);
    expect(["lua", "luajit", "openresty", "ocaml"].map(platform)).toEqual(["other", "other", "other", "other"]);
    expect(["julia", "zig", "crystal", "nim"].map(platform)).toEqual(["other", "other", "other", "other"]);
  });
});
