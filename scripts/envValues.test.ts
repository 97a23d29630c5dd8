import { describe, expect, it } from "vitest";
import { envFlag, envInteger, envLogLevel, envPort, envText, instanceUrl } from "@/scripts/envValues.mjs";

describe("envValues (the start scripts' variables, by lib/env.ts's rules)", () => {
  it("trims values; empty or blank is unset", () => {
    expect(envText({ A: "  /srv/faultline " }, "A")).toBe("/srv/faultline");
    expect(envText({ A: "" }, "A")).toBeUndefined();
    expect(envText({ A: " \t" }, "A")).toBeUndefined();
    expect(envText({}, "A")).toBeUndefined();
  });

  it("flags are on only for 1/true/yes/on and off for 0/false/no/off, any case; anything else names the variable", () => {
    for (const on of ["1", "true", "TRUE", "Yes", " on "]) expect(envFlag({ FAULTLINE_DEBUG: on }, "FAULTLINE_DEBUG"), on).toBe(true);
    for (const off of ["0", "false", "False", "NO", "off"]) expect(envFlag({ FAULTLINE_DEBUG: off }, "FAULTLINE_DEBUG"), off).toBe(false);
    expect(envFlag({ FAULTLINE_DEBUG: "" }, "FAULTLINE_DEBUG")).toBe(false);
    expect(envFlag({ FAULTLINE_MIGRATE: " " }, "FAULTLINE_MIGRATE", true)).toBe(true);
    expect(() => envFlag({ FAULTLINE_DEBUG: "verbose" }, "FAULTLINE_DEBUG")).toThrow(/^FAULTLINE_DEBUG must be 1, true, yes or on, or 0, false, no or off, got "verbose"$/);
  });

  it("numbers: whole, in range, else an error naming the variable; empty takes the default", () => {
    const wait = (value: string | undefined) => envInteger({ FAULTLINE_DB_WAIT_SECONDS: value }, "FAULTLINE_DB_WAIT_SECONDS", { fallback: 60, min: 0, max: 86_400 });
    expect(wait(undefined)).toBe(60);
    expect(wait("")).toBe(60);
    expect(wait(" 0 ")).toBe(0);
    expect(wait("120")).toBe(120);
    for (const bad of ["abc", "1.5", "-1", "1e3", "86401", "0x10"]) expect(() => wait(bad), bad).toThrow(/^FAULTLINE_DB_WAIT_SECONDS must be a whole number from 0 to 86400, got /);
  });

  it("ports: 1–65535; FAULTLINE_PG_PORT= is the default, abc names the variable", () => {
    expect(envPort({ FAULTLINE_PG_PORT: "" }, "FAULTLINE_PG_PORT", 5460)).toBe(5460);
    expect(envPort({ FAULTLINE_PG_PORT: "5499" }, "FAULTLINE_PG_PORT", 5460)).toBe(5499);
    expect(() => envPort({ FAULTLINE_PG_PORT: "abc" }, "FAULTLINE_PG_PORT", 5460)).toThrow(/^FAULTLINE_PG_PORT must be a whole number from 1 to 65535, got "abc"$/);
    expect(() => envPort({ PORT: "0" }, "PORT", 3000)).toThrow(/^PORT must be/);
    expect(() => envPort({ PORT: "70000" }, "PORT", 3000)).toThrow(/^PORT must be/);
  });

  it("LOG_LEVEL in any case wins; else FAULTLINE_DEBUG on means debug, and off (0, false) means info", () => {
    expect(envLogLevel({})).toBe("info");
    expect(envLogLevel({ LOG_LEVEL: " INFO " })).toBe("info");
    expect(envLogLevel({ LOG_LEVEL: "Warn", FAULTLINE_DEBUG: "1" })).toBe("warn");
    expect(envLogLevel({ FAULTLINE_DEBUG: "1" })).toBe("debug");
    expect(envLogLevel({ FAULTLINE_DEBUG: "0" })).toBe("info");
    expect(envLogLevel({ FAULTLINE_DEBUG: "false" })).toBe("info");
    expect(envLogLevel({ LOG_LEVEL: "" })).toBe("info");
    expect(() => envLogLevel({ LOG_LEVEL: "loud" })).toThrow(/^LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "loud"$/);
  });

  it("the instance's URL for links: PUBLIC_URL, else where it listens (a wildcard address as 127.0.0.1), never from a request", () => {
    expect(instanceUrl({ PUBLIC_URL: " https://errors.example.com ", HOST: "0.0.0.0", PORT: "8080" })).toBe("https://errors.example.com");
    expect(instanceUrl({})).toBe("http://127.0.0.1:3000");
    expect(instanceUrl({ HOST: "0.0.0.0", PORT: "8080" })).toBe("http://127.0.0.1:8080");
    expect(instanceUrl({ HOST: "::", PORT: "8080" })).toBe("http://127.0.0.1:8080");
    expect(instanceUrl({ HOST: "errors.internal", PORT: "3000" })).toBe("http://errors.internal:3000");
    expect(instanceUrl({ HOST: "::1" })).toBe("http://[::1]:3000");
    expect(() => instanceUrl({ PORT: "http" })).toThrow(/^PORT must be/);
  });
});
