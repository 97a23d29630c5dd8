import { z } from "zod";
import { IngestAckSchema } from "@/lib/domain/ingestAck";
import { parseNetworkList, type Network } from "@/lib/outbound/networkList";
import { envInteger, envNumber, FLAG_VALUES, flagValue, LOG_LEVELS } from "@/scripts/envValues.mjs";

/**
 * `VAR=` (as a compose file passes an unset variable) or a blank value means unset, not an invalid
 * value. parseEnv applies this to every variable; PasswordHashCostSchema needs it itself because
 * lib/auth/password.ts also parses PASSWORD_HASH_COST on its own, straight from process.env.
 */
const emptyAsUnset = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * Bounds of variables also read outside env() (without DATABASE_URL: tests, metrics), through
 * envInteger with these same bounds: lib/spool/spoolRuntime.ts, lib/lifecycle/gracefulShutdown.ts.
 */
// MiB, fractions allowed (a test's spool fills at 0.05).
export const SPOOL_MAX_MB = { fallback: 512, min: 0.01, max: 1_048_576 };
export const SHUTDOWN_TIMEOUT_MS = { fallback: 15_000, min: 100, max: 3_600_000 };

/** A number read by envInteger (or envNumber) of scripts/envValues.mjs, so env() and the direct readers agree on every value. */
function boundedNumber(name: string, bounds: { fallback: number; min: number; max: number }, read: typeof envInteger = envInteger) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return read({ [name]: text }, name, bounds);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message.replace(`${name} `, "") });
        return z.NEVER;
      }
    })
    .default(bounds.fallback);
}

/** A switch (1/true/yes/on or 0/false/no/off, any case), by the rule the start scripts use (scripts/envValues.mjs). */
const FlagSchema = z.string().transform((text, ctx) => {
  const on = flagValue(text);
  if (on !== null) return on;
  ctx.addIssue({ code: "custom", message: `must be ${FLAG_VALUES}` });
  return z.NEVER;
});

/**
 * log2 of scrypt's N for new password hashes: 17 (N=2^17, 128 MiB, ≈ 0.3–1 s of CPU per hash), the
 * recommended minimum. Lower values exist for test runs, which sign in hundreds of times (`npm test`
 * uses 12); existing hashes keep the cost they were made with and are upgraded at sign-in when lower.
 */
export const PasswordHashCostSchema = z.preprocess(emptyAsUnset, z.coerce.number().int().min(10).max(18).default(17));

/** Server configuration, validated once. A bad value is a clear message at boot, not a crash later. */
const EnvSchema = z.object({
  DATABASE_URL: z.string().url("DATABASE_URL must be a postgresql:// URL (over a Unix socket: postgresql://user:password@localhost/db?host=/var/run/postgresql)"),
  /** A read replica for dashboard aggregates (the analytics pool); unset: the primary. */
  DATABASE_READ_URL: z.string().url("DATABASE_READ_URL must be a postgresql:// URL").optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * How long to wait for a PostgreSQL connection (including a free pool slot) before giving up, which
   * ingest treats as "database unavailable" and spools. 0 (default): no limit, so a busy pool never
   * diverts events to the spool; a stopped or restarting server is still detected at once.
   */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  DATABASE_ANALYTICS_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(6),
  /** Connections for ingest writes (group commit transactions and their fallbacks). */
  DATABASE_INGEST_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(4),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  SECURE_COOKIES: z.enum(["auto", "true", "false"]).default("auto"),
  /** How often expired sessions are deleted (a background job); 0 disables it on this instance. */
  SESSION_CLEANUP_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
  /** Log level of the JSON logs: trace, debug, info, warn, error, fatal or silent (any case; lib/logger.ts reads it the same way). */
  LOG_LEVEL: z.preprocess((v) => (typeof v === "string" ? v.toLowerCase() : v), z.enum(LOG_LEVELS)).default("info"),
  /** On: debug logs when LOG_LEVEL is unset (and the start scripts print a failure's stack). */
  FAULTLINE_DEBUG: FlagSchema.default(false),
  /**
   * On: start although no stored secret opens with FAULTLINE_SECRET_KEY (the key they were sealed with
   * is lost for good; lib/security/checkSealedKeys.ts), instead of refusing to.
   */
  FAULTLINE_SECRET_KEY_LOST: FlagSchema.default(false),
  /** Bound of the spool directory in MiB (lib/spool/spoolRuntime.ts): past it ingest answers 503. */
  FAULTLINE_SPOOL_MAX_MB: boundedNumber("FAULTLINE_SPOOL_MAX_MB", SPOOL_MAX_MB, envNumber),
  /** Upper bound of a graceful shutdown (lib/lifecycle/gracefulShutdown.ts). */
  FAULTLINE_SHUTDOWN_TIMEOUT_MS: boundedNumber("FAULTLINE_SHUTDOWN_TIMEOUT_MS", SHUTDOWN_TIMEOUT_MS),
  INGEST_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(0),
  /** Group commit: how long a write may wait for others to share its transaction while one is in flight. */
  INGEST_GROUP_COMMIT_WAIT_MS: z.coerce.number().min(0).max(50).default(2),
  /** Group commit: events per shared transaction at most. */
  INGEST_GROUP_COMMIT_MAX_EVENTS: z.coerce.number().int().min(1).max(10_000).default(500),
  /**
   * Group commit: ingest transactions in flight at once per instance. One by default: transactions
   * of a busy project update the same group and rollup rows, so a second one mostly waits on the
   * first's row locks while halving both batches (PostgreSQL CPU per event 20–40 % higher at 2).
   */
  INGEST_GROUP_COMMIT_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(1),
  /**
   * How long an ingest write may take, from asking for a connection to COMMIT's answer, before
   * PostgreSQL counts as unavailable and the request's events go to the spool (202, `spooled`): a
   * frozen server or a network path that drops packets never answers, and would otherwise hold every
   * ingest request until it does. 10 s: a transaction of 1,000 large events takes well under 1 s,
   * and one that took longer would only be spooled and replayed, not lost. 0: no limit.
   */
  INGEST_DB_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /**
   * When an ingest request is answered (lib/intake/ingestAck.ts): `commit` (default) once its events
   * are committed to PostgreSQL; `log` once they are fsync'ed in this instance's local log (the
   * spool), which the replayer stores in large transactions moments later — far less PostgreSQL
   * work per event, at the price of events showing a moment after the answer and of a spool folder
   * that must outlive the process (a volume); `auto`: `commit` until the group commit falls behind
   * (INGEST_LOG_BACKLOG writes waiting), then `log` until the log is drained.
   */
  INGEST_ACK: IngestAckSchema.default("commit"),
  /** With INGEST_ACK=auto: requests waiting for the group commit at which ingest answers from the log. */
  INGEST_LOG_BACKLOG: z.coerce.number().int().min(1).max(10_000).default(8),
  /** Bearer token for GET /api/metrics; unset disables the endpoint (404). */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** Default SMTP server of email channels, e.g. smtp://user:pass@mail.example.com:587 (a channel may set its own). */
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must be an smtp:// or smtps:// URL").optional(),
  SMTP_FROM: z.string().min(3).default("Faultline <alerts@faultline.local>"),
  /** Background alert evaluation (windowed rules, escalation) period; 0 disables it on this instance. */
  ALERT_EVALUATOR_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /** How often due notification retries are picked up; 0 disables the retry worker on this instance. */
  ALERT_DELIVERY_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(2_000),
  /** How often immediate-alert batches left by a crashed instance are picked up (0 disables it here). */
  ALERT_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  ALERT_DELIVERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  ALERT_DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** How often issues ignored "for a duration" are checked for reopening; 0 disables the sweep on this instance. */
  TRIAGE_IGNORE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  MONITOR_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  UPTIME_CHECK_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  /** How often events' pending user/agent counts are folded into the per-actor rollups; 0 disables it on this instance (views stay exact either way). */
  ACTOR_FOLD_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1_000),
  /**
   * Outbound requests (webhooks, chat, PagerDuty, forwarding, uptime checks, a channel's SMTP server)
   * to loopback and private networks: `allow` (default: a self-hosted instance usually notifies an
   * internal service) or `deny` (an instance shared by teams). Link-local addresses (cloud instance
   * metadata), unspecified, multicast and reserved addresses are always denied.
   */
  OUTBOUND_PRIVATE_NETWORKS: z.enum(["allow", "deny"]).default("allow"),
  /** Networks and addresses outbound requests may reach whatever else says no ("10.1.2.0/24, fd00::7"). */
  OUTBOUND_ALLOWED_NETWORKS: z
    .string()
    .transform((text, ctx): Network[] => {
      const parsed = parseNetworkList(text);
      if ("networks" in parsed) return parsed.networks;
      ctx.addIssue({ code: "custom", message: `"${parsed.invalid}" is not an IP address or network (10.1.2.0/24, fd00::7)` });
      return z.NEVER;
    })
    .default([]),
  PAGERDUTY_EVENTS_URL: z.string().url().default("https://events.pagerduty.com/v2/enqueue"),
  /** Failed sign-ins allowed per account, and per client address, within LOGIN_WINDOW_MINUTES before 429. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(10),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(100),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /**
   * Trusted reverse proxies in front of the app (lib/auth/clientAddress.ts): 0, nothing in front, the
   * client address is the socket's and X-Forwarded-For is ignored; N, the N-th X-Forwarded-For entry
   * from the right (1: the one the proxy appended).
   */
  PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Lifetime of invitation links and password reset links. */
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Invitations one person may send in an hour, all workspaces together, before 429. */
  INVITATIONS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(50),
  PASSWORD_HASH_COST: PasswordHashCostSchema,
  PASSWORD_RESET_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(24),
  /** "Forgot password?" emails asked for per email (account or not), and per client address, in an hour before 429. */
  PASSWORD_RESET_EMAILS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(3),
  PASSWORD_RESET_EMAILS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Disk space the database may use ("50GB"): the status page's disk forecast counts against it instead of a filesystem. */
  FAULTLINE_DISK_BUDGET: z
    .string()
    .regex(/^\s*\d+(\.\d+)?\s*[kmgtp]?(i?b)?\s*$/i, "FAULTLINE_DISK_BUDGET must be a size such as 50GB")
    .optional(),
  /** The embedded PostgreSQL's data directory (set by `npm start`): its filesystem's free space feeds the disk forecast. */
  FAULTLINE_DATA_DIR: z.string().optional(),
  /** How often the retention job runs (drops expired partitions, deletes, cleans); 0 disables it on this instance. */
  RETENTION_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
  /** How often partitions are created ahead; 0 disables the job on this instance (ingest still creates a missing day). */
  PARTITION_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
  /** How often the storage job samples table and project sizes; 0 disables it on this instance. */
  STORAGE_SAMPLE_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
  /**
   * Spike protection (projects with it on): a project is spiking when its events this minute pass
   * SPIKE_PROTECTION_FACTOR × its baseline (average per minute over the last 24 whole hours) and
   * SPIKE_PROTECTION_MIN_PER_MINUTE; then issues with more than SPIKE_PROTECTION_HOT_ISSUE_MIN events
   * this minute keep 1 in SPIKE_PROTECTION_KEEP_ONE_IN occurrences (counts, users and rollups stay exact).
   */
  SPIKE_PROTECTION_FACTOR: z.coerce.number().min(1).max(1_000_000).default(10),
  SPIKE_PROTECTION_MIN_PER_MINUTE: z.coerce.number().int().min(0).default(1_000),
  SPIKE_PROTECTION_KEEP_ONE_IN: z.coerce.number().int().min(1).max(1_000_000).default(10),
  SPIKE_PROTECTION_HOT_ISSUE_MIN: z.coerce.number().int().min(1).default(100),
  /** Per-issue cap (a project's maxEventsPerIssue): past the cap an issue stores 1 in this many occurrences besides its latest. */
  ISSUE_CAP_KEEP_ONE_IN: z.coerce.number().int().min(1).max(1_000_000).default(100),
  /** Money per credit, for estimatedRevenueLoss (credits lost × CREDIT_VALUE). */
  CREDIT_VALUE: z.coerce.number().nonnegative().default(1),
  /** Dogfooding: Faultline reports its own server errors here, `http(s)://<ingest key>@host[:port][/path]`. */
  FAULTLINE_SELF_DSN: z
    .string()
    .url("FAULTLINE_SELF_DSN must be a URL like https://<ingest key>@errors.example.com")
    .refine((v) => /^https?:\/\/[^@/\s]+@/.test(v), "FAULTLINE_SELF_DSN must carry the ingest key before @ (https://<key>@host)")
    .optional(),
  /** How often issues' assignments, regressions, resolutions and comments become people's notifications; 0 disables it on this instance. */
  WORKFLOW_NOTIFICATIONS_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(3_000),
  /** How often people's pending notification emails are sent (one email per person per turn); 0 disables it on this instance. */
  NOTIFICATION_EMAIL_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /** How often the weekly reports are looked at (they go out on Mondays from 08:00 UTC, once each); 0 disables the job on this instance. */
  WEEKLY_REPORT_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(900_000),
  /** How often due forwarding deliveries (and their retries) are sent; 0 disables the worker on this instance. */
  FORWARDING_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(2_000),
  FORWARDING_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** Attempts before a forwarded copy is marked failed (exponential backoff between them). */
  FORWARDING_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  /** Days the forwarding log keeps delivered and failed copies. */
  FORWARDING_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  /**
   * How long a computed workspace view is served to other viewers of the same view on this instance
   * (writes made through this instance make it stale at once). At most the dashboard's 10 s poll.
   */
  VIEW_CACHE_TTL_MS: z.coerce.number().int().min(0).max(10_000).default(5_000),
  /**
   * Single sign-on with an OpenID Connect provider (Okta, Entra ID, Google, Keycloak, Authentik…):
   * its issuer URL, and the client this instance is registered as (redirect URI
   * `<PUBLIC_URL>/api/v1/auth/oidc/callback`). All three or none.
   */
  OIDC_ISSUER: z.string().url("OIDC_ISSUER must be the provider's issuer URL (https://…)").optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  /** What the sign-in button calls the provider ("Sign in with …"). */
  OIDC_NAME: z.string().min(1).max(60).default("single sign-on"),
  /**
   * Email domains (comma-separated) whose people get an account at their first single sign-on;
   * unset: only existing accounts sign in. OIDC_DEFAULT_WORKSPACE (an id or slug) is the workspace they join,
   * as OIDC_DEFAULT_ROLE.
   */
  OIDC_ALLOWED_DOMAINS: z
    .string()
    .transform((v) => v.split(",").map((d) => d.trim().toLowerCase().replace(/^@/, "")).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "must be email domains such as acme.com, comma-separated")))
    .optional(),
  OIDC_DEFAULT_WORKSPACE: z.string().min(1).max(100).optional(),
  OIDC_DEFAULT_ROLE: z.enum(["viewer", "member"]).default("viewer"),
}).superRefine((value, ctx) => {
  const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
  const given = oidc.filter((name) => value[name] !== undefined);
  if (given.length > 0 && given.length < oidc.length) {
    for (const name of oidc.filter((n) => value[n] === undefined)) ctx.addIssue({ code: "custom", path: [name], message: `set it too: single sign-on needs ${oidc.join(", ")}` });
  }
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The configuration of an environment. Values are trimmed, and an empty or blank variable (`VAR=`, as
 * a compose file passes an unset one) counts as unset, so it takes its default: coerced as they are,
 * `RETENTION_INTERVAL_MS=` or `=" "` would be 0 (the job off) and `PUBLIC_URL=` an invalid URL.
 * Throws one error naming every bad variable.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const set = Object.fromEntries(
    Object.entries(source)
      .map(([name, value]) => [name, value?.trim()] as const)
      .filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = EnvSchema.safeParse(set);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
