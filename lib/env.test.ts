import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const base = { DATABASE_URL: "postgresql://u:p@localhost:5432/faultline" };

describe("parseEnv", () => {
  it("takes the defaults for unset and empty variables alike (a compose file's VAR=)", () => {
    const unset = parseEnv(base);
    const empty = parseEnv({ ...base, RETENTION_INTERVAL_MS: "", PUBLIC_URL: "", SMTP_URL: "", METRICS_TOKEN: "", DATABASE_POOL_SIZE: "" });
    expect(empty).toEqual(unset);
    expect(empty.RETENTION_INTERVAL_MS).toBe(3_600_000);
    expect(empty.DATABASE_POOL_SIZE).toBe(10);
    expect(empty.PUBLIC_URL).toBeUndefined();
  });

  it("reads set values", () => {
    const parsed = parseEnv({ ...base, RETENTION_INTERVAL_MS: "0", PUBLIC_URL: "https://faultline.example.com", LOG_LEVEL: "warn" });
    expect(parsed.RETENTION_INTERVAL_MS).toBe(0);
    expect(parsed.PUBLIC_URL).toBe("https://faultline.example.com");
    expect(parsed.LOG_LEVEL).toBe("warn");
  });

  it("trims values: blank is unset (RETENTION_INTERVAL_MS=\" \" no longer 0, the job off), padded values are read", () => {
    const blank = parseEnv({ ...base, RETENTION_INTERVAL_MS: " ", DATABASE_POOL_SIZE: "\t", PUBLIC_URL: "  " });
    expect(blank.RETENTION_INTERVAL_MS).toBe(3_600_000);
    expect(blank.DATABASE_POOL_SIZE).toBe(10);
    expect(blank.PUBLIC_URL).toBeUndefined();
    expect(parseEnv({ ...base, RETENTION_INTERVAL_MS: " 0 ", PUBLIC_URL: " https://faultline.example.com " })).toMatchObject({ RETENTION_INTERVAL_MS: 0, PUBLIC_URL: "https://faultline.example.com" });
  });

  it("reads LOG_LEVEL in any case, FAULTLINE_DEBUG as a switch, and the spool and shutdown bounds", () => {
    expect(parseEnv({ ...base, LOG_LEVEL: "INFO" }).LOG_LEVEL).toBe("info");
    expect(parseEnv(base)).toMatchObject({ FAULTLINE_DEBUG: false, FAULTLINE_SPOOL_MAX_MB: 512, FAULTLINE_SHUTDOWN_TIMEOUT_MS: 15_000 });
    for (const off of ["0", "false", "No"]) expect(parseEnv({ ...base, FAULTLINE_DEBUG: off }).FAULTLINE_DEBUG, off).toBe(false);
    for (const on of ["1", "true", "YES"]) expect(parseEnv({ ...base, FAULTLINE_DEBUG: on }).FAULTLINE_DEBUG, on).toBe(true);
    expect(parseEnv({ ...base, FAULTLINE_SPOOL_MAX_MB: "2048", FAULTLINE_SHUTDOWN_TIMEOUT_MS: "30000" })).toMatchObject({ FAULTLINE_SPOOL_MAX_MB: 2048, FAULTLINE_SHUTDOWN_TIMEOUT_MS: 30_000 });
    // A fraction of a MiB: a test fills a spool at 0.05.
    expect(parseEnv({ ...base, FAULTLINE_SPOOL_MAX_MB: "0.05" })).toMatchObject({ FAULTLINE_SPOOL_MAX_MB: 0.05 });
    expect(() => parseEnv({ ...base, FAULTLINE_SPOOL_MAX_MB: "1e3" })).toThrow(/FAULTLINE_SPOOL_MAX_MB/);
    expect(() => parseEnv({ ...base, FAULTLINE_DEBUG: "verbose" })).toThrow(/FAULTLINE_DEBUG: must be 1, true, yes or on, or 0, false, no or off/);
    expect(() => parseEnv({ ...base, FAULTLINE_SPOOL_MAX_MB: "abc" })).toThrow(/FAULTLINE_SPOOL_MAX_MB/);
    expect(() => parseEnv({ ...base, FAULTLINE_SHUTDOWN_TIMEOUT_MS: "abc" })).toThrow(/FAULTLINE_SHUTDOWN_TIMEOUT_MS/);
    expect(() => parseEnv({ ...base, FAULTLINE_SPOOL_MAX_MB: "0" })).toThrow(/FAULTLINE_SPOOL_MAX_MB/);
  });

  it("names every bad variable in one error", () => {
    expect(() => parseEnv({ ...base, LOG_LEVEL: "loud", DATABASE_POOL_SIZE: "lots" })).toThrow(/Invalid configuration: .*(LOG_LEVEL.*DATABASE_POOL_SIZE|DATABASE_POOL_SIZE.*LOG_LEVEL)/);
    expect(() => parseEnv({})).toThrow(/DATABASE_URL/);
  });

  it("takes single sign-on settings all together or not at all", () => {
    const oidc = { OIDC_ISSUER: "https://id.example.com/realms/acme", OIDC_CLIENT_ID: "faultline", OIDC_CLIENT_SECRET: "s3cret" };
    expect(parseEnv({ ...base, ...oidc }).OIDC_NAME).toBe("single sign-on");
    expect(() => parseEnv({ ...base, OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID: set it too.*OIDC_CLIENT_SECRET: set it too/);
    expect(() => parseEnv({ ...base, ...oidc, OIDC_ISSUER: "not a url" })).toThrow(/OIDC_ISSUER/);
    expect(parseEnv({ ...base, ...oidc, OIDC_ALLOWED_DOMAINS: "@Acme.com, eu.acme.com," }).OIDC_ALLOWED_DOMAINS).toEqual(["acme.com", "eu.acme.com"]);
    expect(() => parseEnv({ ...base, ...oidc, OIDC_ALLOWED_DOMAINS: "acme" })).toThrow(/OIDC_ALLOWED_DOMAINS/);
  });
});
