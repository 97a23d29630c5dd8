import { z } from "zod";
import type { Severity } from "@/lib/domain/severity";

/**
 * Error categories. The set merges the customer's documents:
 *  - seed 002 (core spec) groups by: api, timeout, validation, auth, system, unknown;
 *  - seed 004 (runbook) adds security and performance;
 *  - seed 000 (Go tracker) adds database, network, external (here: integration);
 *  - seed 001 (Python tracker) adds configuration, dependency, parsing and file I/O (filesystem);
 *  - payment and rate_limit get their own buckets because seed 004 routes them to their own
 *    team / alert and treats them differently from generic API or security errors.
 * Clients may still send any category string; this list is what the server derives.
 */
export const ERROR_CATEGORIES = [
  "api",
  "timeout",
  "validation",
  "auth",
  "security",
  "database",
  "payment",
  "network",
  "performance",
  "system",
  "integration",
  "rate_limit",
  "configuration",
  "dependency",
  "parsing",
  "filesystem",
  "unknown",
] as const;
export const ErrorCategorySchema = z.enum(ERROR_CATEGORIES);
export type ErrorCategory = z.infer<typeof ErrorCategorySchema>;

/** The buckets of seed 002's `categories.bySource`. */
export const ERROR_SOURCES = ["agent", "api", "database", "integration", "system"] as const;
export type ErrorSource = (typeof ERROR_SOURCES)[number];

export interface RuleMatch {
  type?: RegExp;
  message?: RegExp;
  stack?: RegExp;
  source?: RegExp;
}

export interface ClassificationRule {
  id: string;
  match: RuleMatch;
  category: ErrorCategory;
  severity: Severity;
}

/*
 * Precedence
 * ----------
 * 1. Rules are tried in array order; the FIRST rule that matches decides both category and
 *    severity. Order therefore encodes priority: critical infrastructure failures first, then
 *    security/auth, then specific infrastructure, then generic buckets, then source-only hints.
 * 2. Inside one rule the fields are alternatives: the rule matches when ANY of its patterns
 *    matches its field (seed 004 tests "message || stack" the same way). The `source` field is
 *    the client-sent source, so source-only rules sit last and act as a fallback.
 * 3. Patterns must stay linear: no nested unbounded quantifiers, gaps written as `.{0,N}`
 *    (never `.*`) so a long message cannot trigger quadratic backtracking. No `g`/`y` flags,
 *    because those make RegExp.test stateful.
 */

// Shared word lists; a single pattern is reused for `type` and `message`.
const DB = String.raw`(?:database|db|postgres(?:ql)?|pg|mysql|mariadb|mongo(?:db)?|redis|sql(?:ite)?|prisma)`;
const DB_PORT = String.raw`:(?:5432|3306|27017|6379)\b`;

const DB_CONNECTION = new RegExp(
  String.raw`\b${DB}\b.{0,60}\bconnect(?:ion|ions|ing)?\b.{0,60}(?:fail|refus|lost|clos|reset|terminat|error|timed? ?out)` +
    String.raw`|(?:fail(?:ed)?|unable|could not|cannot|can't) (?:to )?connect (?:to )?(?:the )?${DB}\b` +
    String.raw`|could not connect to server|can't reach database server|PrismaClientInitializationError` +
    String.raw`|ECONNREFUSED.{0,40}${DB_PORT}`,
  "i",
);
const DB_POOL = /\bpool\b.{0,40}(?:exhausted|timed? ?out|is full|depleted)|too many (?:db |database |client )?connections|too many clients already|remaining connection slots/i;
// A database's deadlock (PostgreSQL "deadlock detected", MySQL "Deadlock found when trying to get lock",
// SQL Server "deadlocked on lock resources", SQLSTATE 40P01), not a program's own threads deadlocking
// (Go's "all goroutines are asleep - deadlock!", a JVM thread dump's "Java-level deadlock").
const DEADLOCK = new RegExp(
  String.raw`deadlock (?:detected|found)|deadlocked on (?:lock|communication buffer) resources|\b40P01\b|ER_LOCK_DEADLOCK` +
    String.raw`|\b${DB}\b.{0,60}deadlock|deadlock.{0,60}\b(?:${DB}|transaction|lock wait|row lock|table lock)\b`,
  "i",
);
const DATA_CORRUPTION = /\bcorrupt(?:ed|ion)?\b.{0,40}(?:data|database|index|page|table|file)|(?:data|database|index|page|table)\b.{0,40}\bcorrupt|\bdata loss\b/i;
const PAYMENT_DECLINED = /card (?:was |has been )?declined|card_declined|insufficient funds|do_not_honor/i;
const PAYMENT =
  /\b(?:payment|billing|charge|invoice|checkout|payout|refund|stripe)s?\b.{0,60}(?:fail|error|reject|denied|could not|unable)|(?:fail|unable|could not).{0,30}\b(?:charge|bill|pay|refund)\b|PaymentError|BillingError|Stripe[A-Za-z]*Error/i;
const OOM =
  /out of memory|\boom\b|oom[- ]?kill|heap (?:out of memory|limit|exhausted)|JavaScript heap|MemoryError|OutOfMemory|memory.{0,20}out.{0,5}of.{0,5}bounds|allocation failed|cannot allocate memory|\bENOMEM\b/i;
const DISK_FULL = /\bENOSPC\b|no space left on device|dis[kc] (?:is )?full|file ?system (?:error|failure|corrupt)|read-only file ?system|\bEROFS\b/i;
const AUTH_DOWN = /\b(?:auth(?:entication)?|identity|sso|oauth|login) (?:service|server|provider)\b.{0,40}(?:down|unavailable|unreachable)/i;
const BREACH = /auth(?:entication)? bypass|privilege escalation|data breach|account takeover/i;
const CRASH =
  /segmentation fault|\bSIG(?:SEGV|BUS|ILL|FPE|ABRT)\b|\bEXC_BAD_(?:ACCESS|INSTRUCTION)\b|access violation (?:reading|writing|executing)|\bEXCEPTION_ACCESS_VIOLATION|0xC0000005|^Assertion failed\b|: Assertion `[^`']{0,500}' failed|core dumped|kernel panic|^panic:|\bfatal error\b|FATAL ERROR|AddressSanitizer|terminate called after throwing|stack smashing detected|double free or corruption/im;
const CSRF = /csrf|xsrf/i;
const BAD_SIGNATURE =
  /(?:invalid|bad|mismatch(?:ed)?|unverified|failed to verify|no matching)\b.{0,40}\bsignature|\bsignature\b.{0,40}(?:invalid|mismatch|verification failed|does not match|could not be verified)|SignatureVerificationError/i;
const ATTACK = /sql.{0,10}injection|\bxss\b|cross[- ]site scripting|path traversal|directory traversal|malicious|brute[- ]?force|suspicious (?:login|activity|request)/i;
const TOKEN = /\bjwt\b|JsonWebTokenError|TokenExpiredError|\btoken\b.{0,20}(?:expired|invalid|malformed|revoked|missing)|invalid (?:access |refresh |bearer |id |api )?token|invalid api[- _]?key/i;
const FS_PERMISSION = /\b(?:EACCES|EPERM)\b|PermissionError/;
const UNAUTHORIZED =
  /unauthori[sz]ed|unauthenticated|\bforbidden\b|access denied|permission denied|not authori[sz]ed|invalid credentials|(?:authentication|login|sign[- ]?in) (?:failed|required|error)|AuthError|AuthenticationError|AccessDenied|\b(?:status(?: code)?|http(?: status)?|code)[\s:=]{0,3}40[13]\b/i;
const RATE_LIMIT = /rate[- _]?limit|too many requests|\b(?:status(?: code)?|http(?: status)?|code)[\s:=]{0,3}429\b|throttl|quota exceeded/i;
const DB_QUERY_TIMEOUT =
  /(?:query|statement|transaction|lock)\b.{0,30}(?:timeout|timed out)|statement_timeout|lock wait timeout|canceling statement due to/i;
const DB_SCHEMA =
  /QueryFailedError|PrismaClientKnownRequestError|OperationalError|SequelizeDatabaseError|\bSQLSTATE\b|syntax error at or near|(?:relation|column|table) ["'`]?[\w.]{1,64}["'`]? does not exist|no such table/i;
const DB_CONSTRAINT = /unique constraint|duplicate key|foreign key constraint|IntegrityError|UniqueViolation|\bP200[23]\b/i;
const UPSTREAM_TIMEOUT = /\bE(?:SOCKET)?TIMEDOUT\b|deadline exceeded|DEADLINE_EXCEEDED|gateway time-?out|\b(?:status(?: code)?|http(?: status)?)[\s:=]{0,3}504\b/i;
const TIMEOUT = /\btimed? ?out\b|timeout/i;
const NETWORK =
  /\bE(?:CONNREFUSED|CONNRESET|CONNABORTED|HOSTUNREACH|NETUNREACH|NETDOWN|PIPE|NOTFOUND|AI_AGAIN)\b|socket hang up|connection (?:refused|reset|aborted)|network (?:error|is unreachable|failure)|getaddrinfo|dns (?:lookup|resolution)|ConnectionError|ConnectionRefusedError|ConnectionResetError|\b(?:ssl|tls)\b.{0,30}(?:error|fail|handshake)|certificate (?:has expired|verify failed|not trusted)|self[- ]signed certificate/i;
const UNAVAILABLE = /service unavailable|bad gateway|\b(?:status(?: code)?|http(?: status)?)[\s:=]{0,3}50[23]\b|\b50[23] (?:service|bad)|upstream (?:error|failure|connect)/i;
const PERFORMANCE =
  /slow (?:query|request|response)|took too long|exceeded.{0,20}(?:budget|threshold)|long task|high (?:cpu|memory|latency)|event loop (?:lag|blocked|delay)|memory leak|latency.{0,20}(?:exceeded|threshold)/i;
const INTEGRATION =
  /webhook|third[- ]party|external (?:api|service)|integration|\b(?:slack|github|openai|anthropic|twilio|sendgrid|mailgun|s3|aws|gcp|azure)\b.{0,40}(?:error|fail|unavailable)/i;
const CONFIGURATION =
  /missing (?:required )?(?:env(?:ironment)? var(?:iable)?|config(?:uration)?|setting)|(?:invalid|bad) config(?:uration)?|Config(?:uration)?Error|is not configured|not set in (?:the )?env(?:ironment)?|environment variable.{0,40}(?:missing|not set|undefined)/i;
const DEPENDENCY = /Cannot find (?:module|package)|MODULE_NOT_FOUND|ModuleNotFoundError|ImportError|No module named|failed to load (?:module|package|library)|cannot open shared object/i;
const PARSING =
  /JSONDecodeError|YAMLException|XMLSyntaxError|ParseError|\bin JSON at position\b|JSON\.parse|unexpected end of (?:json )?input|is not valid JSON|(?:failed to|could not|cannot|unable to) parse|parse error|malformed (?:json|xml|csv|yaml|response|body)/i;
const FILESYSTEM = /\bE(?:NOENT|ISDIR|NOTDIR|MFILE|NFILE|EXIST)\b|no such file or directory|too many open files|FileNotFoundError|IsADirectoryError|FileExistsError|\bIOError\b/i;
const VALIDATION =
  /ValidationError|ValueError|ZodError|ValidatorError|invalid (?:input|argument|parameter|param|value|format|email|request|payload|body|query)|validation (?:failed|error)|is required\b|must be (?:a|an|at least|at most|one of|between|greater|less|positive|non-empty)\b|bad request|unprocessable|\b(?:status(?: code)?|http(?: status)?|code)[\s:=]{0,3}4\d\d\b|\b4(?:00|04|05|09|10|13|15|22) (?:bad|not|method|conflict|gone|payload|unsupported|unprocessable)/i;
const API =
  /\b(?:status(?: code)?|http(?: status)?)[\s:=]{0,3}5\d\d\b|internal server error|HTTPError|FetchError|AxiosError|request failed|api error|\bapi\b.{0,30}(?:fail|error)/i;

const both = (re: RegExp): RuleMatch => ({ type: re, message: re });
// Seed 004 also scans the stack. Only done for words that cannot come from a file path or frame
// name (a frame in payment/errors.ts must not make every TypeError a critical payment error).
const everywhere = (re: RegExp): RuleMatch => ({ type: re, message: re, stack: re });

export const CLASSIFICATION_RULES: readonly ClassificationRule[] = [
  // --- critical: system down or data at risk (seed 000 "Critical", seed 004 isCriticalError)
  { id: "db-connection", match: both(DB_CONNECTION), category: "database", severity: "critical" },
  { id: "db-pool-exhausted", match: both(DB_POOL), category: "database", severity: "critical" },
  { id: "db-deadlock", match: both(DEADLOCK), category: "database", severity: "critical" },
  { id: "data-corruption", match: both(DATA_CORRUPTION), category: "database", severity: "critical" },
  // A declined card is the customer's card, not our outage: checked before the payment rule.
  { id: "payment-declined", match: both(PAYMENT_DECLINED), category: "payment", severity: "medium" },
  { id: "payment-failure", match: both(PAYMENT), category: "payment", severity: "critical" },
  { id: "out-of-memory", match: everywhere(OOM), category: "system", severity: "critical" },
  { id: "disk-full", match: everywhere(DISK_FULL), category: "filesystem", severity: "critical" },
  { id: "process-crash", match: everywhere(CRASH), category: "system", severity: "critical" },
  { id: "auth-service-down", match: both(AUTH_DOWN), category: "auth", severity: "critical" },
  { id: "security-breach", match: both(BREACH), category: "security", severity: "critical" },

  // --- high: security risk or broken feature (seed 004 isSecurityError, seed 000 "High")
  { id: "csrf", match: both(CSRF), category: "security", severity: "high" },
  { id: "invalid-signature", match: both(BAD_SIGNATURE), category: "security", severity: "high" },
  { id: "attack-attempt", match: both(ATTACK), category: "security", severity: "high" },
  { id: "invalid-token", match: both(TOKEN), category: "auth", severity: "high" },
  // EACCES says "permission denied" too; it is a file problem, not a login problem.
  { id: "fs-permission", match: both(FS_PERMISSION), category: "filesystem", severity: "medium" },
  { id: "unauthorized", match: both(UNAUTHORIZED), category: "auth", severity: "high" },
  { id: "rate-limit", match: both(RATE_LIMIT), category: "rate_limit", severity: "high" },
  { id: "db-query-timeout", match: both(DB_QUERY_TIMEOUT), category: "database", severity: "high" },
  // Before db-schema: Prisma reports constraint violations with the same error class.
  { id: "db-constraint", match: both(DB_CONSTRAINT), category: "database", severity: "medium" },
  { id: "db-schema", match: both(DB_SCHEMA), category: "database", severity: "high" },
  { id: "upstream-timeout", match: both(UPSTREAM_TIMEOUT), category: "timeout", severity: "high" },
  { id: "network", match: both(NETWORK), category: "network", severity: "high" },
  { id: "service-unavailable", match: both(UNAVAILABLE), category: "integration", severity: "high" },
  { id: "stack-overflow", match: both(/Maximum call stack size exceeded|StackOverflowError|RecursionError/i), category: "system", severity: "high" },
  { id: "configuration", match: both(CONFIGURATION), category: "configuration", severity: "high" },
  { id: "dependency", match: both(DEPENDENCY), category: "dependency", severity: "high" },

  // --- medium: degradation (seed 004 isPerformanceError: "timeout" → performance/medium)
  { id: "timeout", match: both(TIMEOUT), category: "timeout", severity: "medium" },
  { id: "performance", match: both(PERFORMANCE), category: "performance", severity: "medium" },
  { id: "integration", match: both(INTEGRATION), category: "integration", severity: "medium" },
  { id: "parsing", match: both(PARSING), category: "parsing", severity: "medium" },
  { id: "filesystem", match: both(FILESYSTEM), category: "filesystem", severity: "medium" },

  // --- low: client mistakes (seed 000 "Low: validation errors")
  { id: "validation", match: both(VALIDATION), category: "validation", severity: "low" },
  { id: "deprecation", match: both(/deprecat/i), category: "system", severity: "low" },

  // Generic server-side HTTP failures, after every more specific text rule.
  { id: "api", match: both(API), category: "api", severity: "medium" },

  // --- fallbacks on the client-sent source only
  { id: "source-database", match: { source: new RegExp(String.raw`\b${DB}\b`, "i") }, category: "database", severity: "medium" },
  { id: "source-payment", match: { source: /payment|billing|stripe/i }, category: "payment", severity: "high" },
  { id: "source-auth", match: { source: /\bauth|identity|\bsso\b/i }, category: "auth", severity: "medium" },
  { id: "source-integration", match: { source: /integration|webhook|external|third[- ]party/i }, category: "integration", severity: "medium" },
];

/**
 * Severity used when the client sent a known category but no rule of that category matched the
 * text: the level the seeds give that kind of error when nothing more specific is known.
 */
export const CATEGORY_DEFAULT_SEVERITY: Record<ErrorCategory, Severity> = {
  api: "medium",
  timeout: "medium",
  validation: "low",
  auth: "high",
  security: "high",
  database: "high",
  payment: "high",
  network: "high",
  performance: "medium",
  system: "medium",
  integration: "medium",
  rate_limit: "medium",
  configuration: "high",
  dependency: "high",
  parsing: "medium",
  filesystem: "medium",
  unknown: "medium",
};

export interface SourceRule {
  id: string;
  match: RuleMatch;
  source: ErrorSource;
}

// "user agent" is an HTTP header, not one of our agents.
const AGENT = /(?<!user[-_ ]?)\bagents?\b|Agent(?:Error|Exception|Executor)|tool[-_ ]?call|\bllm\b|max(?:imum)?[-_ ]?(?:iterations|steps) (?:reached|exceeded)/i;

/**
 * Source rules, tried in order before the category fallback below (same ANY-field semantics).
 * Agent first: an agent's failing DB call still belongs to the agent's run in seed 002's view.
 */
export const SOURCE_RULES: readonly SourceRule[] = [
  { id: "agent", match: { type: AGENT, message: AGENT, stack: /[\\/]agents?[\\/]|agent[-_]runtime/i }, source: "agent" },
  {
    id: "database-driver",
    match: { stack: /node_modules[\\/](?:pg|pg-pool|mysql2?|mongodb|mongoose|ioredis|redis|@prisma|prisma|sequelize|typeorm|knex)[\\/]/ },
    source: "database",
  },
  {
    id: "integration-sdk",
    match: {
      stack: /node_modules[\\/](?:stripe|@slack|@octokit|openai|@anthropic-ai|twilio|@sendgrid|@aws-sdk|googleapis)[\\/]/,
    },
    source: "integration",
  },
];

/** Where an error of each category most often originates, when no source rule matched. */
export const CATEGORY_SOURCE: Record<ErrorCategory, ErrorSource> = {
  api: "api",
  timeout: "integration",
  validation: "api",
  auth: "api",
  security: "api",
  database: "database",
  payment: "integration",
  network: "integration",
  performance: "system",
  system: "system",
  integration: "integration",
  rate_limit: "api",
  configuration: "system",
  dependency: "system",
  parsing: "api",
  filesystem: "system",
  unknown: "system",
};
