import { describe, expect, it } from "vitest";
import { SEVERITIES, type Severity } from "@/lib/domain/severity";
import { classify } from "@/lib/ingest/classify";
import {
  CATEGORY_DEFAULT_SEVERITY,
  CATEGORY_SOURCE,
  CLASSIFICATION_RULES,
  ERROR_CATEGORIES,
  ERROR_SOURCES,
  SOURCE_RULES,
  type ErrorCategory,
} from "@/lib/ingest/classificationRules";

interface Example {
  rule: string;
  type?: string;
  message?: string;
  stackTrace?: string;
  source?: string;
}

// At least one example per rule; the coverage test below fails when a rule has none.
const EXAMPLES: Example[] = [
  { rule: "db-connection", message: "Database connection failed" },
  { rule: "db-connection", message: "connect ECONNREFUSED 127.0.0.1:5432" },
  { rule: "db-connection", message: "Failed to connect to Postgres at db:5432" },
  { rule: "db-connection", type: "PrismaClientInitializationError", message: "Can't reach database server at `db:5432`" },
  { rule: "db-pool-exhausted", message: "Connection pool exhausted after 30000ms" },
  { rule: "db-pool-exhausted", message: "FATAL: remaining connection slots are reserved for superuser" },
  { rule: "db-deadlock", message: "deadlock detected while updating issues" },
  { rule: "db-deadlock", type: "MySQLdb.OperationalError", message: "(1213, 'Deadlock found when trying to get lock; try restarting transaction')" },
  { rule: "db-deadlock", type: "SqlException", message: "Transaction (Process ID 61) was deadlocked on lock resources with another process" },
  { rule: "data-corruption", message: "invalid page: found corrupted page in table users" },
  { rule: "data-corruption", message: "Data loss detected during replication" },
  { rule: "payment-declined", message: "Your card was declined." },
  { rule: "payment-declined", message: "Payment failed: card_declined" },
  { rule: "payment-failure", message: "Payment processing failed for order 42" },
  { rule: "payment-failure", message: "Billing error: could not charge customer" },
  { rule: "payment-failure", type: "StripeAPIError", message: "An unexpected error occurred" },
  { rule: "out-of-memory", message: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory" },
  { rule: "out-of-memory", type: "MemoryError", message: "" },
  { rule: "out-of-memory", message: "worker exited", stackTrace: "Container was OOMKilled (exit code 137)" },
  { rule: "disk-full", message: "ENOSPC: no space left on device, write" },
  { rule: "process-crash", message: "Segmentation fault (core dumped)" },
  { rule: "process-crash", type: "Assertion failed", message: "Ship != nullptr [File:D:\\Harbor\\Dock.cpp] [Line: 42]" },
  { rule: "process-crash", message: "a.out: main.c:5: main: Assertion `count > 0' failed." },
  { rule: "process-crash", type: "EXCEPTION_ACCESS_VIOLATION", message: "reading address 0x0000000000000008" },
  { rule: "process-crash", message: "worker died", stackTrace: "goroutine 1 [running]:\npanic: runtime error: index out of range" },
  // A program's own threads deadlocking is a crash, not a database problem.
  { rule: "process-crash", type: "fatal error", message: "all goroutines are asleep - deadlock!" },
  { rule: "process-crash", type: "SEGV", message: "AddressSanitizer: SEGV on unknown address 0x000000000008" },
  { rule: "process-crash", type: "std::runtime_error", message: "empty input", stackTrace: "terminate called after throwing an instance of 'std::runtime_error'\n  what():  empty input" },
  { rule: "process-crash", type: "EXC_BAD_ACCESS", message: "KERN_INVALID_ADDRESS at 0x0" },
  { rule: "process-crash", type: "SIGABRT", message: "Abort" },
  { rule: "auth-service-down", message: "Authentication service down, cannot log users in" },
  { rule: "security-breach", message: "Possible authentication bypass on /admin" },
  { rule: "csrf", message: "invalid csrf token" },
  { rule: "csrf", type: "ForbiddenError", message: "EBADCSRFTOKEN" },
  { rule: "invalid-signature", message: "Webhook signature invalid" },
  { rule: "invalid-signature", type: "SignatureVerificationError", message: "No signatures found" },
  { rule: "attack-attempt", message: "SQL injection attempt blocked in search query" },
  { rule: "invalid-token", type: "TokenExpiredError", message: "jwt expired" },
  { rule: "invalid-token", message: "Invalid API key provided" },
  { rule: "fs-permission", message: "EACCES: permission denied, open '/var/log/app.log'" },
  { rule: "fs-permission", type: "PermissionError", message: "[Errno 13] Permission denied: '/data'" },
  { rule: "unauthorized", message: "Unauthorized access to /admin" },
  { rule: "unauthorized", type: "AxiosError", message: "Request failed with status code 401" },
  { rule: "unauthorized", message: "403 Forbidden" },
  { rule: "rate-limit", message: "Rate limit exceeded, retry in 30s" },
  { rule: "rate-limit", type: "AxiosError", message: "Request failed with status code 429" },
  { rule: "db-query-timeout", message: "canceling statement due to statement timeout" },
  { rule: "db-query-timeout", message: "Query read timeout" },
  { rule: "db-constraint", type: "PrismaClientKnownRequestError", message: "Unique constraint failed on the fields: (`email`)" },
  { rule: "db-constraint", message: 'duplicate key value violates unique constraint "users_email_key"' },
  { rule: "db-schema", message: 'relation "users" does not exist' },
  { rule: "db-schema", type: "QueryFailedError", message: "syntax error at or near \"SELEC\"" },
  { rule: "upstream-timeout", message: "connect ETIMEDOUT 10.0.0.1:443" },
  { rule: "upstream-timeout", message: "13 DEADLINE_EXCEEDED: Deadline exceeded" },
  { rule: "upstream-timeout", message: "504 Gateway Timeout" },
  { rule: "network", message: "read ECONNRESET" },
  { rule: "network", message: "getaddrinfo ENOTFOUND api.example.com" },
  { rule: "network", type: "FetchError", message: "socket hang up" },
  { rule: "service-unavailable", message: "503 Service Unavailable" },
  { rule: "service-unavailable", message: "upstream error: Bad Gateway" },
  { rule: "stack-overflow", type: "RangeError", message: "Maximum call stack size exceeded" },
  { rule: "configuration", message: "Missing required environment variable DATABASE_URL" },
  { rule: "configuration", type: "ConfigError", message: "SMTP host is not configured" },
  { rule: "dependency", message: "Cannot find module 'left-pad'" },
  { rule: "dependency", type: "ModuleNotFoundError", message: "No module named 'requests'" },
  { rule: "timeout", type: "TimeoutError", message: "Operation exceeded 30000ms" },
  { rule: "timeout", message: "Classification service timed out" },
  { rule: "performance", message: "Slow request: GET /api/issues took 8s" },
  { rule: "performance", message: "Event loop blocked for 2300ms" },
  { rule: "integration", message: "Webhook delivery to https://hooks.example.com failed" },
  { rule: "integration", message: "Slack notification error" },
  { rule: "parsing", type: "SyntaxError", message: "Unexpected token < in JSON at position 0" },
  { rule: "parsing", type: "JSONDecodeError", message: "Expecting value: line 1 column 1" },
  { rule: "filesystem", message: "ENOENT: no such file or directory, open 'report.csv'" },
  { rule: "validation", type: "ValidationError", message: "email is required" },
  { rule: "validation", type: "ValueError", message: "could not convert string to float" },
  { rule: "validation", type: "ZodError", message: "Expected string, received number" },
  { rule: "validation", message: "Invalid input: quantity must be at least 1" },
  { rule: "validation", message: "Request failed with status code 404" },
  { rule: "validation", message: "422 Unprocessable Entity" },
  { rule: "deprecation", message: "Buffer() is deprecated due to security and usability issues" },
  { rule: "api", message: "Request failed with status code 500" },
  { rule: "api", type: "HTTPError", message: "Internal Server Error" },
  { rule: "source-database", type: "Error", message: "boom", source: "postgres-primary" },
  { rule: "source-payment", type: "Error", message: "boom", source: "billing-service" },
  { rule: "source-auth", type: "Error", message: "boom", source: "auth-gateway" },
  { rule: "source-integration", type: "Error", message: "boom", source: "webhook-worker" },
];

const ruleById = new Map(CLASSIFICATION_RULES.map((r) => [r.id, r]));

describe("classification rules table", () => {
  it("has unique ids and valid categories and severities", () => {
    expect(new Set(CLASSIFICATION_RULES.map((r) => r.id)).size).toBe(CLASSIFICATION_RULES.length);
    for (const rule of CLASSIFICATION_RULES) {
      expect(ERROR_CATEGORIES).toContain(rule.category);
      expect(SEVERITIES).toContain(rule.severity);
    }
  });

  it("gives every rule at least one pattern, none of them stateful (g / y)", () => {
    for (const rule of [...CLASSIFICATION_RULES, ...SOURCE_RULES]) {
      const patterns = Object.values(rule.match).filter((p): p is RegExp => p instanceof RegExp);
      expect(patterns.length, rule.id).toBeGreaterThan(0);
      for (const p of patterns) expect(p.flags, rule.id).not.toMatch(/[gy]/);
    }
  });

  it("includes the categories named by the seeds", () => {
    for (const c of ["api", "timeout", "validation", "auth", "security", "database", "payment", "network", "performance", "system", "integration", "unknown"]) {
      expect(ERROR_CATEGORIES).toContain(c);
    }
  });

  it("maps every category to a seed-002 source bucket", () => {
    for (const c of ERROR_CATEGORIES) expect(ERROR_SOURCES).toContain(CATEGORY_SOURCE[c]);
  });

  it("has an example for every rule", () => {
    const covered = new Set(EXAMPLES.map((e) => e.rule));
    expect(CLASSIFICATION_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe("classify: one example per rule row", () => {
  it.each(EXAMPLES.map((e) => [e.rule, e] as const))("%s: %j", (ruleId, example) => {
    const rule = ruleById.get(ruleId);
    expect(rule, `unknown rule ${ruleId}`).toBeDefined();
    const result = classify({ type: example.type ?? "Error", message: example.message ?? "", stackTrace: example.stackTrace, source: example.source });
    expect({ category: result.category, severity: result.severity }).toEqual({ category: rule!.category, severity: rule!.severity });
  });
});

describe("classify: precedence", () => {
  const cat = (message: string, type = "Error") => classify({ type, message }).category;

  it("prefers the earlier, more specific rule", () => {
    expect(classify({ type: "Error", message: "Payment failed: your card was declined" })).toMatchObject({ category: "payment", severity: "medium" });
    expect(cat("EACCES: permission denied, mkdir '/srv'")).toBe("filesystem");
    expect(cat("connect ECONNREFUSED 10.1.1.1:5432")).toBe("database");
    expect(cat("connect ECONNREFUSED 10.1.1.1:443")).toBe("network");
    expect(cat("Database query timeout after 5s")).toBe("database");
    expect(cat("Webhook signature invalid")).toBe("security");
  });

  it("matches any of a rule's fields", () => {
    expect(classify({ type: "TimeoutError", message: "" }).category).toBe("timeout");
    expect(classify({ type: "Error", message: "x", stackTrace: "Error: x\nJavaScript heap out of memory" }).category).toBe("system");
  });

  it("does not read ordinary keywords from stack frames", () => {
    const stack = "TypeError: x is undefined\n    at charge (/app/payment/errors.ts:10:5)";
    expect(classify({ type: "TypeError", message: "x is undefined", stackTrace: stack }).category).toBe("unknown");
  });

  it("prefers client text rules over source-only rules", () => {
    expect(classify({ type: "Error", message: "Rate limit exceeded", source: "postgres" }).category).toBe("rate_limit");
  });
});

describe("classify: defaults and client values", () => {
  it("defaults to medium / unknown / system", () => {
    expect(classify({ type: "TypeError", message: "Cannot read properties of undefined (reading 'x')" })).toEqual({
      severity: "medium",
      category: "unknown",
      source: "system",
    });
    expect(classify({ type: "", message: "" })).toEqual({ severity: "medium", category: "unknown", source: "system" });
  });

  it("keeps every client value as sent", () => {
    expect(classify({ type: "Error", message: "Database connection failed", severity: "low", category: "My Thing", source: "cron" })).toEqual({
      severity: "low",
      category: "My Thing",
      source: "cron",
    });
  });

  it("fills only the missing fields", () => {
    expect(classify({ type: "Error", message: "Database connection failed", severity: "low" })).toEqual({
      severity: "low",
      category: "database",
      source: "database",
    });
    expect(classify({ type: "Error", message: "Database connection failed", source: "worker-7" })).toEqual({
      severity: "critical",
      category: "database",
      source: "worker-7",
    });
  });

  it("takes severity from a rule of the client's own category", () => {
    expect(classify({ type: "Error", message: "Your card was declined", category: "Payment" })).toMatchObject({
      category: "Payment",
      severity: "medium",
    });
    // No validation rule matches this text: the validation default applies, not "critical".
    expect(classify({ type: "Error", message: "Database connection failed", category: "validation" }).severity).toBe("low");
    const defaults: [ErrorCategory, Severity][] = [["auth", "high"], ["unknown", "medium"], ["performance", "medium"]];
    for (const [category, severity] of defaults) {
      expect(classify({ type: "Error", message: "boom", category }).severity).toBe(CATEGORY_DEFAULT_SEVERITY[category]);
      expect(CATEGORY_DEFAULT_SEVERITY[category]).toBe(severity);
    }
  });

  it("uses the text rules when the client's category is not one of ours", () => {
    expect(classify({ type: "Error", message: "Database connection failed", category: "backend" })).toEqual({
      severity: "critical",
      category: "backend",
      source: "database",
    });
  });

  it("treats blank strings as absent", () => {
    expect(classify({ type: "Error", message: "deadlock detected", category: "  ", source: "" })).toEqual({
      severity: "critical",
      category: "database",
      source: "database",
    });
  });

  it("is deterministic", () => {
    const input = { type: "Error", message: "Request failed with status code 429" };
    expect(classify(input)).toEqual(classify(input));
    expect(classify(input)).toEqual(classify({ ...input }));
  });
});

describe("classify: source", () => {
  const src = (input: { type?: string; message?: string; stackTrace?: string; category?: string; agentId?: string }) =>
    classify({ type: input.type ?? "Error", message: input.message ?? "boom", ...input }).source;

  it("recognises agent errors", () => {
    expect(src({ type: "AgentError", message: "tool call failed: search" })).toBe("agent");
    expect(src({ message: "Agent exceeded budget" })).toBe("agent");
    expect(src({ message: "boom", agentId: "agt_1" })).toBe("agent");
    expect(src({ message: "Invalid User-Agent header" })).not.toBe("agent");
  });

  it("recognises driver and SDK frames", () => {
    expect(src({ type: "TypeError", stackTrace: "TypeError: boom\n    at Client._handle (/app/node_modules/pg/lib/client.js:1:1)" })).toBe("database");
    expect(src({ type: "TypeError", stackTrace: "TypeError: boom\n    at req (/app/node_modules/stripe/cjs/net.js:1:1)" })).toBe("integration");
  });

  it("falls back to the category's usual source", () => {
    expect(src({ message: "Database connection failed" })).toBe("database");
    expect(src({ message: "read ECONNRESET" })).toBe("integration");
    expect(src({ type: "ValidationError" })).toBe("api");
    expect(src({ message: "JavaScript heap out of memory" })).toBe("system");
    expect(src({ message: "boom", category: "payment" })).toBe("integration");
  });
});

describe("classify: large input", () => {
  it("stays fast on 1 MB fields", () => {
    const big = "database ".repeat(120_000) + "x".repeat(100_000);
    const start = performance.now();
    const result = classify({ type: big, message: big, stackTrace: big, source: big });
    expect(performance.now() - start).toBeLessThan(1000);
    expect(SEVERITIES).toContain(result.severity);
  });
});

describe("classify: causes", () => {
  it("takes the category of the first cause a rule recognises when the raised exception says nothing", () => {
    const fetchFailed = classify({ type: "TypeError", message: "fetch failed", causes: [{ type: "Error", message: "connect ECONNREFUSED 127.0.0.1:59999" }] });
    expect([fetchFailed.category, fetchFailed.severity]).toEqual(["network", "high"]);
    const nested = classify({
      type: "java.lang.RuntimeException",
      message: "total failed for A-17",
      causes: [
        { type: "java.lang.IllegalStateException", message: "order A-17 not found" },
        { type: "java.net.SocketTimeoutException", message: "Read timed out" },
      ],
    });
    expect(nested.category).toBe("timeout");
  });

  it("lets the raised exception's own match win over its causes'", () => {
    const raised = classify({ type: "ValidationError", message: "email must be a valid address", causes: [{ type: "Error", message: "connect ECONNREFUSED 10.0.0.1:443" }] });
    expect(raised.category).toBe(classify({ type: "ValidationError", message: "email must be a valid address" }).category);
    expect(classify({ type: "Error", message: "boom", causes: [] }).category).toBe("unknown");
  });
});
