import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/ApiError";
import { assertSecretsStayWithDestination } from "@/lib/alerts/channels/secretsStayWithDestination";

const webhook = { url: "https://hooks.example.com/in/abc", headers: { Authorization: "Bearer s3cret" }, signingSecret: "whsec_0123456789abcdef" };
const fields = ["url", "headers", "signingSecret"];

function check(existing: Record<string, unknown>, patch: Record<string, unknown>, secretFields = fields) {
  return () => assertSecretsStayWithDestination(existing, patch, { ...existing, ...patch }, secretFields);
}

function issuePaths(run: () => void): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return (error.details as { issues: { path: string }[] }).issues.map((i) => i.path);
    throw error;
  }
  return [];
}

describe("assertSecretsStayWithDestination", () => {
  it("lets the path, query or anything else change on the same host", () => {
    expect(check(webhook, { url: "https://hooks.example.com/in/other?x=1" })).not.toThrow();
    expect(check({ url: "https://intake.example.com/v2/logs", apiKey: "dd-key" }, { service: "api" }, ["apiKey"])).not.toThrow();
  });

  it("refuses another host, port or scheme unless every stored secret is given again, naming each one", () => {
    expect(issuePaths(check(webhook, { url: "https://attacker.example/exfil" }))).toEqual(["config.headers", "config.signingSecret"]);
    expect(issuePaths(check(webhook, { url: "https://hooks.example.com:8443/in/abc" }))).toEqual(["config.headers", "config.signingSecret"]);
    expect(issuePaths(check(webhook, { url: "http://hooks.example.com/in/abc" }))).toEqual(["config.headers", "config.signingSecret"]);
    // A non-secret URL field moving takes the secret with it too (a logs intake's API key).
    expect(issuePaths(check({ url: "https://intake.example.com/v2/logs", apiKey: "dd-key" }, { url: "https://attacker.example/dd" }, ["apiKey"]))).toEqual(["config.apiKey"]);
  });

  it("counts a secret sent back masked as not given; a new value or a cleared one as given", () => {
    expect(issuePaths(check(webhook, { url: "https://attacker.example/x", headers: { Authorization: "••••cret" }, signingSecret: "whsec_new_value_123456" }))).toEqual(["config.headers"]);
    expect(check(webhook, { url: "https://new.example.com/x", headers: null, signingSecret: "whsec_new_value_123456" })).not.toThrow();
    expect(check(webhook, { url: "https://new.example.com/x", headers: { Authorization: "Bearer new" }, signingSecret: null })).not.toThrow();
  });

  it("asks for every stored header again, not just some: headers merge name by name", () => {
    const twoHeaders = { ...webhook, headers: { Authorization: "Bearer s3cret", "X-Tenant": "t-1" } };
    expect(issuePaths(check(twoHeaders, { url: "https://attacker.example/x", headers: { "X-Note": "hi" }, signingSecret: "whsec_new_value_123456" }))).toEqual(["config.headers"]);
    expect(issuePaths(check(twoHeaders, { url: "https://attacker.example/x", headers: { Authorization: "Bearer new" }, signingSecret: "whsec_new_value_123456" }))).toEqual(["config.headers"]);
    expect(check(twoHeaders, { url: "https://new.example/x", headers: { Authorization: "Bearer new", "X-Tenant": null }, signingSecret: "whsec_new_value_123456" })).not.toThrow();
  });

  it("counts a URL set where there was none (a default endpoint) as a move", () => {
    expect(issuePaths(check({ routingKey: "R0UTINGKEY0123456789abcdef" }, { url: "https://attacker.example/v2/enqueue" }, ["routingKey"]))).toEqual(["config.routingKey"]);
    expect(check({ routingKey: "R0UTINGKEY0123456789abcdef" }, { url: "https://attacker.example/v2/enqueue", routingKey: "NEWKEY0123456789" }, ["routingKey"])).not.toThrow();
  });

  it("needs nothing again when the moved config has no other secret", () => {
    expect(check({ url: "https://hooks.slack.com/services/T/B/x" }, { url: "https://hooks.slack.com.evil.example/x" }, ["url"])).not.toThrow();
    expect(check({ url: "https://a.example/x", headers: undefined }, { url: "https://b.example/x" })).not.toThrow();
  });
});
