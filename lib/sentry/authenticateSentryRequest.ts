import { agreedCredential, type NamedCredential } from "@/lib/auth/agreedCredential";
import { findIngestKey, KEY_MAX_AGE_MS } from "@/lib/auth/ingestKeyAuth";
import { withLastKnown } from "@/lib/db/lastKnown";
import { pool } from "@/lib/db/pool";
import { readThroughCache } from "@/lib/db/readThroughCache";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { ApiError } from "@/lib/http/ApiError";
import type { RequestHead } from "@/lib/http/requestHead";
import { parseSentryAuth, sentryKeysOf } from "@/lib/sentry/parseSentryAuth";
import { parseDsn } from "@/lib/sentry/parseDsn";

export interface SentryProject {
  projectId: string;
  workspaceId: string;
  publicId: number;
  allowedOrigins: string[];
  rateLimitPerMinute: number | null;
  quotaPerMinute: number | null;
  quotaPerDay: number | null;
  spikeProtection: boolean;
  maxEventsPerIssue: number | null;
}

/** Projects by public id, cached in-process like ingest keys: settings changes (and a deletion: then unknown) apply within KEY_MAX_AGE_MS. */
const projects = readThroughCache<SentryProject>(
  "sentry-projects",
  async (publicId) => {
    // While PostgreSQL is unavailable the last answer stands, so ingest can spool (lib/db/lastKnown.ts).
    const { rows } = await withLastKnown(
      "sentryProject",
      publicId,
      () =>
        pool().query<SentryProject>(
          `SELECT id AS "projectId", "workspaceId", "publicId", "allowedOrigins", "rateLimitPerMinute", "quotaPerMinute", "quotaPerDay",
             "spikeProtection", "maxEventsPerIssue"
           FROM "Project" WHERE "publicId" = $1 AND "deletingAt" IS NULL`,
          [Number(publicId)],
        ),
      isDatabaseUnavailable,
    );
    return rows[0] ?? null;
  },
  { maxAgeMs: KEY_MAX_AGE_MS, refreshAfterMs: 1_000, missMaxAgeMs: 2_000, maxEntries: 10_000 },
);

/** Drops a project from this process's cache, e.g. right after its settings changed or it was deleted. */
export function forgetSentryProject(publicId: number): void {
  projects.forget(String(publicId));
}

/** The project named by the URL's numeric id; 404 when there is none. */
export async function findSentryProject(publicIdText: string): Promise<SentryProject> {
  if (!/^\d{1,9}$/.test(publicIdText)) throw ApiError.notFound("unknown project");
  const project = await projects.get(String(Number(publicIdText)));
  if (!project) throw ApiError.notFound("unknown project");
  return project;
}

/**
 * Sentry SDKs authenticate with the DSN's public key: in the `sentry_key` query parameter, the
 * `X-Sentry-Auth` (or `Authorization: Sentry …`) header, or the envelope header's `dsn` (`dsnField`
 * names where a DSN came from: the report dialog takes it from its query). Every place that names a
 * key must name the same one (401 when none does, 400 naming the fields when two differ); the key
 * must be live and belong to the URL's project (403).
 */
export async function authenticateSentryRequest(req: RequestHead, project: SentryProject, dsn?: unknown, dsnField = "envelope dsn"): Promise<void> {
  await assertValidKey(agreedCredential([...requestKeyFields(req), ...dsnKeyField(dsn, dsnField)]), project);
}

/** The cron endpoint's key, given in its path: it must agree with any key also sent the usual ways. */
export async function authenticateSentryPathKey(req: RequestHead, project: SentryProject, pathKey: string): Promise<void> {
  await assertValidKey(agreedCredential([...requestKeyFields(req), ...(pathKey ? [{ value: pathKey, field: "path key" }] : [])]), project);
}

async function assertValidKey(rawKey: string | undefined, project: SentryProject): Promise<void> {
  if (!rawKey) throw ApiError.unauthorized("missing sentry_key: send it in the query string, X-Sentry-Auth or the envelope dsn");
  const key = await findIngestKey(rawKey);
  if (!key || key.revoked || key.projectId !== project.projectId) throw ApiError.forbidden("invalid sentry_key for this project");
}

/**
 * The key named by the request line and headers (not the body): X-Sentry-Auth, an `Authorization:
 * Sentry sentry_key=…` header (clients that cannot set custom headers) and the query string, which
 * must agree (400 naming them otherwise); undefined when none names one.
 */
export function requestKey(req: RequestHead): string | undefined {
  return agreedCredential(requestKeyFields(req));
}

function requestKeyFields(req: RequestHead): NamedCredential[] {
  const named: NamedCredential[] = [];
  for (const value of sentryKeysOf(req.headers.get("x-sentry-auth"))) named.push({ value, field: "header X-Sentry-Auth" });
  for (const value of sentryKeysOf(sentryAuthorization(req.headers.get("authorization")))) named.push({ value, field: "header Authorization" });
  if (req.url.includes("?")) {
    for (const value of new URL(req.url).searchParams.getAll("sentry_key")) {
      const key = value.trim().slice(0, 256);
      if (key) named.push({ value: key, field: "query sentry_key" });
    }
  }
  return named;
}

function dsnKeyField(dsn: unknown, field: string): NamedCredential[] {
  const key = typeof dsn === "string" ? parseDsn(dsn)?.publicKey : undefined;
  return key ? [{ value: key, field }] : [];
}

/** When the SDK says it sent the request (`sentry_timestamp`, legacy store clients), by its clock. */
export function requestSentAt(req: RequestHead): string | undefined {
  return parseSentryAuth(authHeaderOf(req), new URL(req.url).searchParams).timestamp;
}

function authHeaderOf(req: RequestHead): string | null {
  return req.headers.get("x-sentry-auth") ?? sentryAuthorization(req.headers.get("authorization"));
}

/** An Authorization header in the Sentry scheme; any other scheme (Bearer, Basic) is not ours to read. */
function sentryAuthorization(value: string | null): string | null {
  return value !== null && /^\s*sentry\s/i.test(value) ? value : null;
}

/** After the key in the URL/header was verified: an envelope dsn, when present, must name the same key (400 naming both otherwise). */
export function assertDsnAgrees(req: RequestHead, envelopeDsn: unknown): void {
  agreedCredential([...requestKeyFields(req), ...dsnKeyField(envelopeDsn, "envelope dsn")]);
}
