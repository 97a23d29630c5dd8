/**
 * Hand-written payloads in the shapes sentry-java sends (plain Java, Spring Boot 3 "jakarta",
 * Logback, Android incl. ANR and native crashes), for lib/sentry/sdkShapes-java.test.ts.
 *
 * Read: getsentry/sentry-java 8.53.0 (main @ a2184a3, gradle.properties versionName), files:
 *   sentry/src/main/java/io/sentry/JsonSerializer.java               (envelope framing)
 *   sentry/src/main/java/io/sentry/SentryEnvelopeHeader.java, SentryEnvelopeItemHeader.java,
 *     SentryEnvelopeItem.java, SentryItemType.java, Attachment.java, Session.java,
 *     clientreport/ClientReport.java
 *   sentry/src/main/java/io/sentry/RequestDetailsResolver.java, Dsn.java, SentryClient.java,
 *     transport/HttpConnection.java, transport/AsyncHttpTransport.java
 *   sentry-apache-http-client-5/src/main/java/io/sentry/transport/apache/ApacheHttpClientTransport.java
 *   sentry/src/main/java/io/sentry/SentryEvent.java, SentryBaseEvent.java, Breadcrumb.java,
 *     DateUtils.java, vendor/SentryIso8601Utils.java, JsonObjectSerializer.java,
 *     protocol/{SentryId,SentryException,Mechanism,SentryStackTrace,SentryStackFrame,SentryThread,
 *     Message,DebugImage,DebugMeta}.java, SentryLockReason.java
 *   sentry/src/main/java/io/sentry/SentryExceptionFactory.java, SentryStackTraceFactory.java,
 *     SentryThreadFactory.java, MainEventProcessor.java, ISentryClient.java, Scopes.java,
 *     UncaughtExceptionHandlerIntegration.java, SentryOptions.java
 *   sentry-spring-jakarta/src/main/java/io/sentry/spring/jakarta/SentryExceptionResolver.java,
 *     sentry-servlet-jakarta/.../SentryRequestHttpServletRequestProcessor.java,
 *     sentry-spring-boot-jakarta/.../SentryAutoConfiguration.java (in-app includes)
 *   sentry-logback/src/main/java/io/sentry/logback/SentryAppender.java, LoggerPropertiesUtil.java
 *   sentry-android-core/src/main/java/io/sentry/android/core/{AnrV2Integration,AnrIntegration,
 *     ApplicationExitInfoEventProcessor,AndroidOptionsInitializer}.java,
 *     internal/threaddump/ThreadDumpParser.java, internal/tombstone/{TombstoneParser,
 *     NativeExceptionMechanism}.java
 *   buildSrc/src/main/java/Config.kt (SDK names: sentry.java, sentry.java.android, …)
 *   (sentry-native's inproc signal handler, bundled by sentry-android-ndk, was checked for its
 *   mechanism: type "signalhandler", handled false, synthetic true.)
 *
 * HTTP request (HttpConnection.java; the Apache HttpClient 5 transport sends the same headers):
 *   POST {scheme}://{host}[:port]{dsn path prefix}/api/{projectId}/envelope/   (trailing slash)
 *   User-Agent: sentry.java[.android|.spring-boot.jakarta|…]/8.53.0
 *   X-Sentry-Auth: Sentry sentry_version=7,sentry_client=<same as User-Agent>,sentry_key=<public key>
 *                  [,sentry_secret=<secret> when the DSN has one]   (no spaces after the commas)
 *   Content-Type: application/x-sentry-envelope
 *   Content-Encoding: gzip   (always: the body is written through a GZIPOutputStream)
 *   Accept: application/json;  Connection: close
 *   No query-string key, no `dsn` in the envelope header, no store endpoint (envelopes only since 6.x).
 *   Only HTTP 200 counts as success; Retry-After / X-Sentry-Rate-Limits are honoured.
 *
 * Envelope framing (JsonSerializer.serialize): header JSON "\n", then per item: item header JSON
 * "\n" payload "\n" (so the body ends with a newline). Every item header carries `length`;
 * event/session/client_report headers are {content_type:"application/json", type, length},
 * attachments {content_type, filename, type:"attachment", attachment_type, length}.
 *
 * Names, messages, paths and ids below are invented.
 */
import { buildEnvelope, type FixtureItem } from "./envelopes";

export const JAVA_SDK_VERSION = "8.53.0";
export const JAVA_DSN_KEY = "b7e14c0a92d54f3e8a61c3d7f20e9b45";
export const JAVA_DSN = `https://${JAVA_DSN_KEY}@faultline.example.org/42`;

/** What HttpConnection sends, for the Spring Boot app (User-Agent = sentry_client = SDK name/version). */
export const javaHttpRequest = (sdkName = "sentry.java.spring-boot.jakarta") => ({
  method: "POST",
  url: "https://faultline.example.org/api/42/envelope/",
  headers: {
    "User-Agent": `${sdkName}/${JAVA_SDK_VERSION}`,
    "X-Sentry-Auth": `Sentry sentry_version=7,sentry_client=${sdkName}/${JAVA_SDK_VERSION},sentry_key=${JAVA_DSN_KEY}`,
    "Content-Encoding": "gzip",
    "Content-Type": "application/x-sentry-envelope",
    Accept: "application/json",
    Connection: "close",
  },
});

/** A client report the transport attaches to an envelope it sends (ClientReportRecorder). */
export const javaClientReport = {
  timestamp: "2026-03-14T09:26:54.101Z",
  discarded_events: [
    { reason: "before_send", category: "error", quantity: 1 },
    { reason: "sample_rate", category: "transaction", quantity: 14 },
  ],
};

// ---------------------------------------------------------------------------------------------
// Frames. SentryStackTraceFactory: one frame per StackTraceElement, io.sentry.* frames dropped,
// reversed to outermost first; keys in SentryStackFrame.serialize order. `in_app` is only written
// when an in-app include/exclude matched (Spring Boot: the @SpringBootApplication package; Android:
// the app's package) — other frames carry no in_app at all. No abs_path, colno or context lines.
// A native method has line -2 in Java, so no lineno and native: true.
// ---------------------------------------------------------------------------------------------

type JavaFrame = Record<string, unknown>;

/** A JVM frame as the SDK writes it: filename, function, module, lineno, in_app (if known), native. */
function jf(module: string, fn: string, file: string | null, line: number | null, inApp?: boolean): JavaFrame {
  return {
    ...(file !== null && { filename: file }),
    function: fn,
    module,
    ...(line !== null && line >= 0 && { lineno: line }),
    ...(inApp !== undefined && { in_app: inApp }),
    native: line === -2,
  };
}

/** Tomcat worker → Spring MVC → @Transactional proxy → the billing app's controller. */
const springRequestFrames = (controllerLine = 64): JavaFrame[] => [
  jf("java.lang.Thread", "run", "Thread.java", 1583),
  jf("org.apache.tomcat.util.threads.TaskThread$WrappingRunnable", "run", "TaskThread.java", 61),
  jf("org.apache.tomcat.util.threads.ThreadPoolExecutor$Worker", "run", "ThreadPoolExecutor.java", 659),
  jf("org.apache.tomcat.util.threads.ThreadPoolExecutor", "runWorker", "ThreadPoolExecutor.java", 1190),
  jf("org.apache.tomcat.util.net.SocketProcessorBase", "run", "SocketProcessorBase.java", 52),
  jf("org.apache.coyote.AbstractProtocol$ConnectionHandler", "process", "AbstractProtocol.java", 905),
  jf("org.apache.catalina.core.StandardWrapperValve", "invoke", "StandardWrapperValve.java", 167),
  jf("org.apache.catalina.core.ApplicationFilterChain", "doFilter", "ApplicationFilterChain.java", 140),
  jf("org.springframework.web.filter.OncePerRequestFilter", "doFilter", "OncePerRequestFilter.java", 116),
  jf("jakarta.servlet.http.HttpServlet", "service", "HttpServlet.java", 658),
  jf("org.springframework.web.servlet.FrameworkServlet", "service", "FrameworkServlet.java", 885),
  jf("org.springframework.web.servlet.DispatcherServlet", "doDispatch", "DispatcherServlet.java", 1089),
  jf("org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter", "handleInternal", "RequestMappingHandlerAdapter.java", 866),
  jf("org.springframework.web.method.support.InvocableHandlerMethod", "doInvoke", "InvocableHandlerMethod.java", 255),
  jf("java.lang.reflect.Method", "invoke", "Method.java", 580),
  jf("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", "DirectMethodHandleAccessor.java", 103),
  jf("com.acme.billing.web.InvoiceController", "syncInvoice", "InvoiceController.java", controllerLine, true),
  jf("com.acme.billing.sync.LedgerSyncService$$SpringCGLIB$$0", "pushInvoice", "<generated>", -1, true),
  jf("org.springframework.aop.framework.CglibAopProxy$DynamicAdvisedInterceptor", "intercept", "CglibAopProxy.java", 720),
  jf("org.springframework.transaction.interceptor.TransactionInterceptor", "invoke", "TransactionInterceptor.java", 119),
  jf("org.springframework.aop.framework.ReflectiveMethodInvocation", "proceed", "ReflectiveMethodInvocation.java", 184),
];

const pushInvoice = (line: number) => jf("com.acme.billing.sync.LedgerSyncService", "pushInvoice", "LedgerSyncService.java", line, true);

/**
 * The chain of the ledger-sync bug, oldest cause first (SentryExceptionFactory.addFirst): the pool
 * timeout (exception_id 2) caused Spring's CannotGetJdbcConnectionException (1), wrapped by the
 * app's InvoiceSyncException (0, the one raised). Every entry has mechanism type "chained"; the
 * causes carry parent_id. `type` is the simple class name, `module` the package.
 */
const ledgerSyncChain = (opts: { raiseLine: number; callLine: number; invoice: string; threadId: number }) => {
  const outer = [...springRequestFrames(), pushInvoice(opts.callLine), jf("com.acme.billing.sync.LedgerRepository", "insertEntry", "LedgerRepository.java", 47, true)];
  const jdbc = [
    jf("org.springframework.jdbc.core.JdbcTemplate", "update", "JdbcTemplate.java", 1005),
    jf("org.springframework.jdbc.core.JdbcTemplate", "execute", "JdbcTemplate.java", 651),
    jf("org.springframework.jdbc.datasource.DataSourceUtils", "getConnection", "DataSourceUtils.java", 84),
  ];
  return [
    {
      type: "SQLTransientConnectionException",
      value: "ledger-pool - Connection is not available, request timed out after 30004ms (total=10, active=10, idle=0, waiting=3)",
      module: "java.sql",
      thread_id: opts.threadId,
      stacktrace: {
        frames: [
          ...outer,
          ...jdbc.slice(0, 2),
          jf("org.springframework.jdbc.datasource.DataSourceUtils", "getConnection", "DataSourceUtils.java", 81),
          jf("org.springframework.jdbc.datasource.DataSourceUtils", "doGetConnection", "DataSourceUtils.java", 160),
          jf("com.zaxxer.hikari.HikariDataSource", "getConnection", "HikariDataSource.java", 128),
          jf("com.zaxxer.hikari.pool.HikariPool", "getConnection", "HikariPool.java", 181),
          jf("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", "HikariPool.java", 686),
        ],
      },
      mechanism: { type: "chained", exception_id: 2, parent_id: 1 },
    },
    {
      type: "CannotGetJdbcConnectionException",
      value: "Failed to obtain JDBC Connection",
      module: "org.springframework.jdbc",
      thread_id: opts.threadId,
      stacktrace: { frames: [...outer, ...jdbc] },
      mechanism: { type: "chained", exception_id: 1, parent_id: 0 },
    },
    {
      type: "InvoiceSyncException",
      value: `Could not push invoice ${opts.invoice} to the ledger`,
      module: "com.acme.billing.sync",
      thread_id: opts.threadId,
      stacktrace: { frames: [...springRequestFrames(), pushInvoice(opts.raiseLine)] },
      mechanism: { type: "chained", exception_id: 0 },
    },
  ];
};

// ---------------------------------------------------------------------------------------------
// Spring Boot 3 app (sentry-spring-boot-jakarta): common event parts.
// ---------------------------------------------------------------------------------------------

const springSdk = {
  name: "sentry.java.spring-boot.jakarta",
  version: JAVA_SDK_VERSION,
  packages: [
    { name: "maven:io.sentry:sentry", version: JAVA_SDK_VERSION },
    { name: "maven:io.sentry:sentry-spring-boot-jakarta", version: JAVA_SDK_VERSION },
    { name: "maven:io.sentry:sentry-logback", version: JAVA_SDK_VERSION },
  ],
  integrations: ["UncaughtExceptionHandler", "ShutdownHook", "SpringBoot3", "Spring6Filter", "Spring6ExceptionResolver", "Logback"],
};

const springContexts = (traceId: string) => ({
  trace: { trace_id: traceId, span_id: "a1c2e3f4b5d60718", op: "http.server", origin: "auto.http.spring_jakarta.webmvc" },
  runtime: { name: "Eclipse Adoptium", version: "21.0.4" },
  os: { name: "Linux", version: "6.8.0-1012-aws" },
});

const springRequest = (path: string, method = "POST") => ({
  url: `https://billing.acme.test${path}`,
  method,
  query_string: "dryRun=false",
  headers: { "content-type": "application/json", "user-agent": "acme-portal/2.3 (okhttp/4.12.0)", host: "billing.acme.test", "x-request-id": "req-7f31c0" },
});

const springBase = (eventId: string, timestamp: string, traceId: string) => ({
  timestamp,
  event_id: eventId,
  contexts: springContexts(traceId),
  sdk: springSdk,
  tags: { tenant: "northwind", request_id: "req-7f31c0" },
  release: "billing-service@3.14.2",
  environment: "production",
  platform: "java",
  user: { username: "jdoe", ip_address: "198.51.100.23" },
  server_name: "billing-7c9f5d-x2k4q",
  breadcrumbs: [
    { timestamp: "2026-03-14T09:26:52.911Z", message: "Syncing invoice batch for tenant northwind", data: {}, category: "com.acme.billing.web.InvoiceController", level: "info" },
    { timestamp: "2026-03-14T09:26:53.020Z", type: "http", data: { url: "https://ledger.acme.test/v2/entries", method: "POST", status_code: 503 }, category: "http" },
  ],
  debug_meta: { images: [{ type: "jvm", debug_id: "3c8e1f2a-5b7d-4e9f-a0c1-d2e3f4a5b6c7" }] },
});

const springEnvelopeHeader = (eventId: string, traceId: string) => ({
  event_id: eventId,
  sdk: { name: springSdk.name, version: JAVA_SDK_VERSION, packages: springSdk.packages, integrations: springSdk.integrations },
  trace: { trace_id: traceId, public_key: JAVA_DSN_KEY, release: "billing-service@3.14.2", environment: "production", sample_rate: "0.2", sample_rand: "0.5813", sampled: "false" },
  sent_at: "2026-03-14T09:26:54.102Z",
});

/** An event item as SentryEnvelopeItem.fromEvent writes its header. */
const eventItem = (payload: unknown): FixtureItem => ({ header: { content_type: "application/json", type: "event" }, payload, withLength: true });

// ---------------------------------------------------------------------------------------------
// 1. Sentry.captureException(e) in a Spring MVC request: the cause chain. No `level` (the SDK
//    leaves it unset for captureException), no threads (attachThreads is off by default).
// ---------------------------------------------------------------------------------------------

export const SPRING_CHAIN_EVENT_ID = "6d1f0a9c3b2e4d5f8a7b6c5d4e3f2a1b";
const TRACE_A = "0af7651916cd43dd8448eb211c80319c";

export const springChainedEvent = {
  ...springBase(SPRING_CHAIN_EVENT_ID, "2026-03-14T09:26:53.589Z", TRACE_A),
  exception: { values: ledgerSyncChain({ raiseLine: 118, callLine: 112, invoice: "INV-20931", threadId: 57 }) },
  transaction: "POST /invoices/{id}/sync",
  request: springRequest("/invoices/INV-20931/sync"),
};

export const springChainedEnvelope = buildEnvelope(springEnvelopeHeader(SPRING_CHAIN_EVENT_ID, TRACE_A), [eventItem(springChainedEvent)], { trailingNewline: true });

/** The same bug again: two lines further down, another invoice, another request thread. */
export const SPRING_CHAIN_AGAIN_EVENT_ID = "1e2d3c4b5a69788796a5b4c3d2e1f0a9";
export const springChainedAgainEvent = {
  ...springBase(SPRING_CHAIN_AGAIN_EVENT_ID, "2026-03-14T09:41:07.205Z", "5b8aa5a2d2c872e8321cf37308d69df2"),
  exception: { values: ledgerSyncChain({ raiseLine: 121, callLine: 115, invoice: "INV-20977", threadId: 61 }) },
  transaction: "POST /invoices/{id}/sync",
  request: springRequest("/invoices/INV-20977/sync"),
};
export const springChainedAgainEnvelope = buildEnvelope(springEnvelopeHeader(SPRING_CHAIN_AGAIN_EVENT_ID, "5b8aa5a2d2c872e8321cf37308d69df2"), [eventItem(springChainedAgainEvent)], {
  trailingNewline: true,
});

/** A different bug: a malformed amount in another endpoint (single exception, JDK frames innermost). */
export const SPRING_OTHER_BUG_EVENT_ID = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
export const springOtherBugEvent = {
  ...springBase(SPRING_OTHER_BUG_EVENT_ID, "2026-03-14T09:44:30.017Z", TRACE_A),
  exception: {
    values: [
      {
        type: "NumberFormatException",
        value: 'For input string: "12,50"',
        module: "java.lang",
        thread_id: 58,
        stacktrace: {
          frames: [
            ...springRequestFrames().slice(0, 16),
            jf("com.acme.billing.web.InvoiceController", "updateAmount", "InvoiceController.java", 88, true),
            jf("com.acme.billing.web.InvoiceController", "parseAmount", "InvoiceController.java", 131, true),
            jf("java.lang.Long", "parseLong", "Long.java", 709),
            jf("java.lang.NumberFormatException", "forInputString", "NumberFormatException.java", 67),
          ],
        },
        mechanism: { type: "chained", exception_id: 0 },
      },
    ],
  },
  transaction: "PUT /invoices/{id}/amount",
  request: springRequest("/invoices/INV-20931/amount", "PUT"),
};
export const springOtherBugEnvelope = buildEnvelope(springEnvelopeHeader(SPRING_OTHER_BUG_EVENT_ID, TRACE_A), [eventItem(springOtherBugEvent)], { trailingNewline: true });

// ---------------------------------------------------------------------------------------------
// 1b. Java's suppressed exceptions (try-with-resources): the lock's close() failed while the
//     export was already failing. SentryExceptionFactory walks suppressed exceptions (mechanism
//     type "suppressed", parent_id = the exception they were added to) BEFORE the cause, so the
//     list is [cause, suppressed, raised].
// ---------------------------------------------------------------------------------------------

const exportFrames = (line: number): JavaFrame[] => [
  jf("java.lang.Thread", "run", "Thread.java", 1583),
  jf("org.springframework.scheduling.support.DelegatingErrorHandlingRunnable", "run", "DelegatingErrorHandlingRunnable.java", 54),
  jf("org.springframework.scheduling.support.ScheduledMethodRunnable", "run", "ScheduledMethodRunnable.java", 130),
  jf("com.acme.billing.export.NightlyExportJob", "run", "NightlyExportJob.java", 41, true),
  jf("com.acme.billing.export.LedgerExporter", "exportBatch", "LedgerExporter.java", line, true),
];

const exportChain = (opts: { withSuppressed: boolean; batch: string }) => {
  const cause = {
    type: "IOException",
    value: "No space left on device",
    module: "java.io",
    thread_id: 33,
    stacktrace: {
      frames: [
        ...exportFrames(77),
        jf("com.acme.billing.export.CsvSink", "write", "CsvSink.java", 29, true),
        jf("java.io.BufferedWriter", "flushBuffer", "BufferedWriter.java", 128),
        jf("sun.nio.ch.FileDispatcherImpl", "write0", "FileDispatcherImpl.java", -2),
      ],
    },
    mechanism: { type: "chained", exception_id: opts.withSuppressed ? 2 : 1, parent_id: 0 },
  };
  const suppressed = {
    type: "LockReleaseException",
    value: `Lock export:${opts.batch} was already released`,
    module: "com.acme.billing.locks",
    thread_id: 33,
    stacktrace: {
      frames: [
        ...exportFrames(79),
        jf("com.acme.billing.locks.LedgerLock", "close", "LedgerLock.java", 52, true),
        jf("com.acme.billing.locks.LedgerLock", "release", "LedgerLock.java", 66, true),
      ],
    },
    mechanism: { type: "suppressed", exception_id: 1, parent_id: 0 },
  };
  const raised = {
    type: "ExportFailedException",
    value: `Export of ledger batch ${opts.batch} failed`,
    module: "com.acme.billing.export",
    thread_id: 33,
    stacktrace: { frames: exportFrames(81) },
    mechanism: { type: "chained", exception_id: 0 },
  };
  return opts.withSuppressed ? [cause, suppressed, raised] : [cause, raised];
};

const exportEvent = (eventId: string, withSuppressed: boolean, batch: string) => ({
  ...springBase(eventId, "2026-03-14T02:00:03.775Z", TRACE_A),
  exception: { values: exportChain({ withSuppressed, batch }) },
});

export const EXPORT_SUPPRESSED_EVENT_ID = "c0ffee00deadbeef0123456789abcdef";
export const exportWithSuppressedEvent = exportEvent(EXPORT_SUPPRESSED_EVENT_ID, true, "7781");
export const exportWithSuppressedEnvelope = buildEnvelope(springEnvelopeHeader(EXPORT_SUPPRESSED_EVENT_ID, TRACE_A), [eventItem(exportWithSuppressedEvent)], { trailingNewline: true });
/** The same export bug on a night the lock released cleanly: no suppressed exception. */
export const EXPORT_PLAIN_EVENT_ID = "c0ffee00deadbeef0123456789abcde0";
export const exportWithoutSuppressedEvent = exportEvent(EXPORT_PLAIN_EVENT_ID, false, "7802");
export const exportWithoutSuppressedEnvelope = buildEnvelope(springEnvelopeHeader(EXPORT_PLAIN_EVENT_ID, TRACE_A), [eventItem(exportWithoutSuppressedEvent)], { trailingNewline: true });

// ---------------------------------------------------------------------------------------------
// 2a. Spring MVC unhandled exception (SentryExceptionResolver): mechanism handled:false, type
//     "Spring6ExceptionResolver", level "fatal", transaction set from the request.
// ---------------------------------------------------------------------------------------------

export const SPRING_UNHANDLED_EVENT_ID = "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e";
export const springUnhandledEvent = {
  ...springBase(SPRING_UNHANDLED_EVENT_ID, "2026-03-14T09:52:11.430Z", TRACE_A),
  exception: {
    values: [
      {
        type: "IllegalArgumentException",
        value: "Unknown currency code: XBT",
        module: "java.lang",
        thread_id: 59,
        stacktrace: {
          frames: [
            ...springRequestFrames(70).slice(0, 16),
            jf("com.acme.billing.web.InvoiceController", "createInvoice", "InvoiceController.java", 45, true),
            jf("com.acme.billing.money.CurrencyResolver", "resolve", "CurrencyResolver.java", 23, true),
          ],
        },
        mechanism: { type: "Spring6ExceptionResolver", handled: false, exception_id: 0 },
      },
    ],
  },
  level: "fatal",
  transaction: "POST /invoices",
  request: springRequest("/invoices"),
};
/** Sent with a client report attached by the transport (ClientReportRecorder.attachReportToEnvelope). */
export const springUnhandledEnvelope = buildEnvelope(
  springEnvelopeHeader(SPRING_UNHANDLED_EVENT_ID, TRACE_A),
  [eventItem(springUnhandledEvent), { header: { content_type: "application/json", type: "client_report" }, payload: javaClientReport, withLength: true }],
  { trailingNewline: true },
);

// ---------------------------------------------------------------------------------------------
// 3. Messages.
// 3a. Sentry.captureMessage(text, WARNING): message { formatted } only. attachStacktrace is on by
//     default, so the current thread comes along (crashed: true even for a message; innermost
//     frame java.lang.Thread.getStackTrace; io.sentry.* frames dropped; stack marked snapshot).
// ---------------------------------------------------------------------------------------------

const reconThreadFrames: JavaFrame[] = [
  jf("java.lang.Thread", "run", "Thread.java", 1583),
  jf("java.util.concurrent.ThreadPoolExecutor$Worker", "run", "ThreadPoolExecutor.java", 642),
  jf("java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask", "run", "ScheduledThreadPoolExecutor.java", 304),
  jf("org.springframework.scheduling.support.DelegatingErrorHandlingRunnable", "run", "DelegatingErrorHandlingRunnable.java", 54),
  jf("com.acme.billing.recon.ReconciliationJob", "run", "ReconciliationJob.java", 77, true),
  jf("java.lang.Thread", "getStackTrace", "Thread.java", 2450),
];

export const CAPTURED_MESSAGE_EVENT_ID = "2a3b4c5d6e7f80912a3b4c5d6e7f8091";
export const capturedMessageEvent = {
  timestamp: "2026-03-14T03:15:00.412Z",
  message: { formatted: "Ledger reconciliation finished with 3 unmatched entries" },
  threads: { values: [{ id: 41, priority: 5, name: "scheduling-1", state: "RUNNABLE", crashed: true, daemon: false, stacktrace: { frames: reconThreadFrames, snapshot: true } }] },
  level: "warning",
  event_id: CAPTURED_MESSAGE_EVENT_ID,
  contexts: { runtime: { name: "Eclipse Adoptium", version: "21.0.4" }, os: { name: "Linux", version: "6.8.0-1012-aws" } },
  sdk: springSdk,
  tags: { tenant: "northwind" },
  release: "billing-service@3.14.2",
  environment: "production",
  platform: "java",
  user: {},
  server_name: "billing-7c9f5d-x2k4q",
};
export const capturedMessageEnvelope = buildEnvelope(
  { event_id: CAPTURED_MESSAGE_EVENT_ID, sdk: { name: springSdk.name, version: JAVA_SDK_VERSION }, sent_at: "2026-03-14T03:15:00.530Z" },
  [eventItem(capturedMessageEvent)],
  { trailingNewline: true },
);

// 3b. Logback appender: log.error("Payment provider rejected refund {} for order {}", a, b).
//     message { formatted, message: the SLF4J pattern, params as strings }, logger, level "error",
//     extra.thread_name, MDC keys in contexts.MDC (context tags promoted to tags).

const refundThreadFrames = (line: number): JavaFrame[] => [
  ...springRequestFrames().slice(0, 16),
  jf("com.acme.billing.web.RefundController", "refund", "RefundController.java", 38, true),
  jf("com.acme.billing.refunds.RefundService", "refund", "RefundService.java", line, true),
  jf("ch.qos.logback.classic.Logger", "error", "Logger.java", 538),
  jf("ch.qos.logback.classic.Logger", "filterAndLog_2", "Logger.java", 443),
  jf("ch.qos.logback.classic.Logger", "callAppenders", "Logger.java", 272),
  jf("ch.qos.logback.core.UnsynchronizedAppenderBase", "doAppend", "UnsynchronizedAppenderBase.java", 85),
  jf("java.lang.Thread", "getStackTrace", "Thread.java", 2450),
];

const logbackEvent = (eventId: string, timestamp: string, refund: string, order: string, line: number) => ({
  timestamp,
  message: { formatted: `Payment provider rejected refund ${refund} for order ${order}`, message: "Payment provider rejected refund {} for order {}", params: [refund, order] },
  logger: "com.acme.billing.refunds.RefundService",
  threads: { values: [{ id: 63, priority: 5, name: "http-nio-8080-exec-7", state: "RUNNABLE", crashed: true, daemon: true, stacktrace: { frames: refundThreadFrames(line), snapshot: true } }] },
  level: "error",
  transaction: "POST /refunds",
  event_id: eventId,
  contexts: { ...springContexts(TRACE_A), MDC: { provider: "payfast", attempt: "2" } },
  sdk: { ...springSdk, name: "sentry.java.logback" },
  request: springRequest("/refunds"),
  tags: { request_id: "req-91ab20" },
  release: "billing-service@3.14.2",
  environment: "production",
  platform: "java",
  user: { username: "jdoe", ip_address: "198.51.100.23" },
  server_name: "billing-7c9f5d-x2k4q",
  extra: { thread_name: "http-nio-8080-exec-7" },
});

export const LOGBACK_EVENT_ID = "3b4c5d6e7f8091a23b4c5d6e7f8091a2";
export const logbackMessageEvent = logbackEvent(LOGBACK_EVENT_ID, "2026-03-14T10:02:44.118Z", "rf_8812", "5531", 57);
export const logbackMessageEnvelope = buildEnvelope(springEnvelopeHeader(LOGBACK_EVENT_ID, TRACE_A), [eventItem(logbackMessageEvent)], { trailingNewline: true });
export const LOGBACK_AGAIN_EVENT_ID = "4c5d6e7f8091a2b34c5d6e7f8091a2b3";
export const logbackMessageAgainEvent = logbackEvent(LOGBACK_AGAIN_EVENT_ID, "2026-03-14T10:07:01.009Z", "rf_9140", "5602", 57);
export const logbackMessageAgainEnvelope = buildEnvelope(springEnvelopeHeader(LOGBACK_AGAIN_EVENT_ID, TRACE_A), [eventItem(logbackMessageAgainEvent)], { trailingNewline: true });

// 3c. Logback with a throwable: log.error("Refund {} failed", id, e). The exception goes through an
//     ExceptionMechanismException: mechanism type "LogbackSentryAppender", handled not set.
export const LOGBACK_WITH_EXCEPTION_EVENT_ID = "5d6e7f8091a2b3c45d6e7f8091a2b3c4";
export const logbackWithExceptionEvent = {
  timestamp: "2026-03-14T10:09:12.640Z",
  message: { formatted: "Refund rf_9177 failed", message: "Refund {} failed", params: ["rf_9177"] },
  logger: "com.acme.billing.refunds.RefundService",
  exception: {
    values: [
      {
        type: "RefundRejectedException",
        value: "Provider answered 409: refund window closed",
        module: "com.acme.billing.refunds",
        thread_id: 63,
        stacktrace: {
          frames: [
            ...springRequestFrames().slice(0, 16),
            jf("com.acme.billing.web.RefundController", "refund", "RefundController.java", 38, true),
            jf("com.acme.billing.refunds.RefundService", "refund", "RefundService.java", 49, true),
            jf("com.acme.billing.refunds.PayfastClient", "requestRefund", "PayfastClient.java", 102, true),
          ],
        },
        mechanism: { type: "LogbackSentryAppender", exception_id: 0 },
      },
    ],
  },
  level: "error",
  transaction: "POST /refunds",
  event_id: LOGBACK_WITH_EXCEPTION_EVENT_ID,
  contexts: springContexts(TRACE_A),
  sdk: { ...springSdk, name: "sentry.java.logback" },
  release: "billing-service@3.14.2",
  environment: "production",
  platform: "java",
  user: { username: "jdoe" },
  extra: { thread_name: "http-nio-8080-exec-7" },
};
export const logbackWithExceptionEnvelope = buildEnvelope(springEnvelopeHeader(LOGBACK_WITH_EXCEPTION_EVENT_ID, TRACE_A), [eventItem(logbackWithExceptionEvent)], { trailingNewline: true });

// ---------------------------------------------------------------------------------------------
// Android (sentry-android 8.53.0, Kotlin app com.acme.shop). Common parts.
// ---------------------------------------------------------------------------------------------

const INSTALLATION_ID = "e2b0c7a4-91d3-4f58-a6c2-7b1e0d9f3a64";
const androidSdk = {
  name: "sentry.java.android",
  version: JAVA_SDK_VERSION,
  packages: [
    { name: "maven:io.sentry:sentry", version: JAVA_SDK_VERSION },
    { name: "maven:io.sentry:sentry-android-core", version: JAVA_SDK_VERSION },
    { name: "maven:io.sentry:sentry-android-ndk", version: JAVA_SDK_VERSION },
  ],
  integrations: ["UncaughtExceptionHandler", "AnrV2", "Tombstone", "Ndk", "ActivityLifecycle", "ActivityBreadcrumbs"],
};

const androidContexts = {
  app: { app_identifier: "com.acme.shop", app_name: "Acme Shop", app_version: "4.2.0", app_build: "420", in_foreground: true, permissions: { INTERNET: "granted" } },
  device: { family: "Pixel", model: "Pixel 8", manufacturer: "Google", brand: "google", arch: "arm64-v8a", online: true, charging: false, battery_level: 61.0, simulator: false, memory_size: 7961923584 },
  os: { name: "Android", version: "14", build: "AP2A.240805.005", kernel_version: "5.15.137-android14-11", rooted: false },
};

const androidBase = (eventId: string, timestamp: string) => ({
  timestamp,
  event_id: eventId,
  contexts: androidContexts,
  sdk: androidSdk,
  tags: { isSideLoaded: "false", installerStore: "com.android.vending" },
  release: "com.acme.shop@4.2.0+420",
  environment: "production",
  platform: "java",
  user: { id: INSTALLATION_ID },
  dist: "420",
  breadcrumbs: [
    { timestamp: "2026-03-14T11:58:40.004Z", type: "navigation", data: { screen: "CartActivity", state: "resumed" }, category: "ui.lifecycle", level: "info" },
    { timestamp: "2026-03-14T11:58:51.772Z", type: "user", data: { view_id: "checkout_button", view_class: "com.google.android.material.button.MaterialButton" }, category: "ui.click", level: "info" },
  ],
  debug_meta: { images: [{ uuid: "8f3a1c2e-4b5d-4e6f-9a0b-1c2d3e4f5a6b", type: "proguard" }] },
});

const androidHeader = (eventId: string, sentAt: string) => ({
  event_id: eventId,
  sdk: { name: androidSdk.name, version: JAVA_SDK_VERSION, packages: androidSdk.packages, integrations: androidSdk.integrations },
  trace: { trace_id: "7d2c9b1a3e4f45a6b7c8d9e0f1a2b3c4", public_key: JAVA_DSN_KEY, release: "com.acme.shop@4.2.0+420", environment: "production", sample_rand: "0.2281" },
  sent_at: sentAt,
});

const androidLooperFrames: JavaFrame[] = [
  jf("com.android.internal.os.ZygoteInit", "main", "ZygoteInit.java", 1042),
  jf("com.android.internal.os.RuntimeInit$MethodAndArgsCaller", "run", "RuntimeInit.java", 548),
  jf("java.lang.reflect.Method", "invoke", "Method.java", -2),
  jf("android.app.ActivityThread", "main", "ActivityThread.java", 8177),
  jf("android.os.Looper", "loop", "Looper.java", 317),
  jf("android.os.Looper", "loopOnce", "Looper.java", 232),
  jf("android.os.Handler", "dispatchMessage", "Handler.java", 958),
];

// 2b. App crash via UncaughtExceptionHandlerIntegration: mechanism { type: "UncaughtExceptionHandler",
//     handled: false }, level "fatal". Written to the disk cache first and sent (on this or the next
//     launch) together with the session update that ends the session as "crashed".
export const ANDROID_CRASH_EVENT_ID = "7e8f9a0b1c2d4e3f8a9b0c1d2e3f4a5b";
export const androidCrashEvent = {
  ...androidBase(ANDROID_CRASH_EVENT_ID, "2026-03-14T11:58:52.031Z"),
  exception: {
    values: [
      {
        type: "IllegalStateException",
        value: "Cart line 5521 has no price",
        module: "java.lang",
        thread_id: 2,
        stacktrace: {
          frames: [
            ...androidLooperFrames,
            jf("android.view.View$PerformClick", "run", "View.java", 30718),
            jf("android.view.View", "performClick", "View.java", 7659),
            jf("com.google.android.material.button.MaterialButton", "performClick", "MaterialButton.java", 1218),
            jf("com.acme.shop.cart.CartFragment", "onViewCreated$lambda$3", "CartFragment.kt", 71, true),
            jf("com.acme.shop.cart.CartViewModel", "checkout", "CartViewModel.kt", 102, true),
            jf("com.acme.shop.cart.CartViewModel", "totalFor", "CartViewModel.kt", 88, true),
          ],
        },
        mechanism: { type: "UncaughtExceptionHandler", handled: false, exception_id: 0 },
      },
    ],
  },
  level: "fatal",
};

export const androidCrashSession = {
  sid: "c41f0e2a-7b9d-4c3e-8a15-2f6d0b9e7a13",
  did: INSTALLATION_ID,
  init: false,
  started: "2026-03-14T11:58:39.880Z",
  status: "crashed",
  seq: 1773489532031,
  errors: 1,
  duration: 12.151,
  timestamp: "2026-03-14T11:58:52.031Z",
  attrs: { release: "com.acme.shop@4.2.0+420", environment: "production" },
};

export const androidCrashEnvelope = buildEnvelope(
  androidHeader(ANDROID_CRASH_EVENT_ID, "2026-03-14T12:03:10.418Z"),
  [eventItem(androidCrashEvent), { header: { content_type: "application/json", type: "session" }, payload: androidCrashSession, withLength: true }],
  { trailingNewline: true },
);

// 2b'. Crashes entirely inside the Android framework / AndroidX (no app frame; only the app's own
//      package is in-app, so none of these frames carries in_app). Two different bugs of one type.
const frameworkCrash = (eventId: string, timestamp: string, value: string, frames: JavaFrame[]) => ({
  ...androidBase(eventId, timestamp),
  exception: {
    values: [{ type: "IllegalStateException", value, module: "java.lang", thread_id: 2, stacktrace: { frames: [...androidLooperFrames, ...frames] }, mechanism: { type: "UncaughtExceptionHandler", handled: false, exception_id: 0 } }],
  },
  level: "fatal",
});

export const FRAMEWORK_CRASH_A_EVENT_ID = "1b2c3d4e5f60718293a4b5c6d7e8f901";
export const frameworkCrashAEvent = frameworkCrash(FRAMEWORK_CRASH_A_EVENT_ID, "2026-03-14T11:20:03.118Z", "Can not perform this action after onSaveInstanceState", [
  jf("android.os.Handler", "handleCallback", "Handler.java", 942),
  jf("android.window.WindowOnBackInvokedDispatcher$OnBackInvokedCallbackWrapper", "lambda$onBackInvoked$3", "WindowOnBackInvokedDispatcher.java", 400),
  jf("androidx.activity.OnBackPressedDispatcher", "onBackPressed", "OnBackPressedDispatcher.kt", 223),
  jf("androidx.fragment.app.FragmentManager$3", "handleOnBackPressed", "FragmentManager.java", 414),
  jf("androidx.fragment.app.FragmentManager", "popBackStackImmediate", "FragmentManager.java", 1024),
  jf("androidx.fragment.app.FragmentManager", "checkStateLoss", "FragmentManager.java", 1736),
]);
export const frameworkCrashAEnvelope = buildEnvelope(androidHeader(FRAMEWORK_CRASH_A_EVENT_ID, "2026-03-14T11:25:40.002Z"), [eventItem(frameworkCrashAEvent)], { trailingNewline: true });

export const FRAMEWORK_CRASH_B_EVENT_ID = "2c3d4e5f60718293a4b5c6d7e8f90a12";
export const frameworkCrashBEvent = frameworkCrash(FRAMEWORK_CRASH_B_EVENT_ID, "2026-03-14T11:31:47.560Z", "Cannot call this method while RecyclerView is computing a layout or scrolling", [
  jf("android.view.Choreographer$FrameDisplayEventReceiver", "run", "Choreographer.java", 1307),
  jf("android.view.Choreographer", "doFrame", "Choreographer.java", 1016),
  jf("android.view.ViewRootImpl", "performTraversals", "ViewRootImpl.java", 4429),
  jf("androidx.recyclerview.widget.RecyclerView", "onLayout", "RecyclerView.java", 4578),
  jf("androidx.recyclerview.widget.RecyclerView", "dispatchLayoutStep2", "RecyclerView.java", 4736),
  jf("androidx.recyclerview.widget.RecyclerView", "assertNotInLayoutOrScroll", "RecyclerView.java", 3305),
]);
export const frameworkCrashBEnvelope = buildEnvelope(androidHeader(FRAMEWORK_CRASH_B_EVENT_ID, "2026-03-14T11:33:02.774Z"), [eventItem(frameworkCrashBEvent)], { trailingNewline: true });

// 2c. ANR via AnrV2Integration (ApplicationExitInfo, Android 11+), reported on the next launch:
//     threads parsed from the system thread dump (main: crashed/current/main, Java + native frames
//     with package/instruction_addr/addr_mode, lock reasons), the exception built from the main
//     thread's stack (type ApplicationNotResponding, value "ANR" or "Background ANR", mechanism
//     "AppExitInfo", no handled, no exception_id), level fatal, fingerprint {{ default }} +
//     foreground-anr/background-anr, thread dump attached as thread-dump.txt.

const libcImage = "/apex/com.android.runtime/lib64/bionic/libc.so";
const anrMainFrames: JavaFrame[] = [
  ...androidLooperFrames,
  jf("com.acme.shop.home.HomeActivity", "onResume", "HomeActivity.kt", 58, true),
  jf("com.acme.shop.data.PriceCache", "warmUp", "PriceCache.kt", 31, true),
  {
    ...jf("com.acme.shop.data.PriceCache", "loadBlocking", "PriceCache.kt", 54, true),
    lock: { type: 8, address: "0x0b9e4c21", package_name: "com.acme.shop.data", class_name: "PriceStore", thread_id: 27 },
  },
  jf("java.lang.Object", "wait", "Object.java", -2),
  { function: "art::Monitor::Wait(art::Thread*, long, int, bool, art::ThreadState)", package: "/apex/com.android.art/lib64/libart.so", platform: "native", instruction_addr: "0x00000000003f6a10", addr_mode: "rel:0c5d1f3a2b4e6d7f8091a2b3c4d5e6f7" },
  { function: "syscall", package: libcImage, platform: "native", instruction_addr: "0x000000000008e2cc", addr_mode: "rel:51ab6c0f2d3e4a5b6c7d8e9f0a1b2c3d" },
];

const anrEvent = (eventId: string, background: boolean) => ({
  ...androidBase(eventId, "2026-03-14T08:12:05.660Z"),
  threads: {
    values: [
      { id: 1, name: "main", state: "Blocked", crashed: true, current: !background, main: true, stacktrace: { frames: anrMainFrames, snapshot: true }, held_locks: {} },
      {
        id: 27,
        name: "price-sync",
        state: "Native",
        crashed: false,
        current: false,
        main: false,
        stacktrace: {
          frames: [
            jf("java.lang.Thread", "run", "Thread.java", 1012),
            jf("com.acme.shop.data.PriceSync", "pull", "PriceSync.kt", 112, true),
            jf("okhttp3.internal.connection.RealCall", "execute", "RealCall.kt", 154),
            { function: "recvfrom", package: libcImage, platform: "native", instruction_addr: "0x00000000000a1b30", addr_mode: "rel:51ab6c0f2d3e4a5b6c7d8e9f0a1b2c3d" },
          ],
          snapshot: true,
        },
      },
    ],
  },
  exception: {
    values: [
      {
        type: "ApplicationNotResponding",
        value: background ? "Background ANR" : "ANR",
        module: "io.sentry.android.core",
        thread_id: 1,
        stacktrace: { frames: anrMainFrames, snapshot: true },
        mechanism: { type: "AppExitInfo" },
      },
    ],
  },
  level: "fatal",
  fingerprint: ["{{ default }}", background ? "background-anr" : "foreground-anr"],
  contexts: { ...androidContexts, app: { ...androidContexts.app, in_foreground: !background } },
  debug_meta: {
    images: [
      { type: "elf", debug_id: "0c5d1f3a-2b4e-6d7f-8091-a2b3c4d5e6f7", code_id: "3a1f5d0c4e2b7f6d8091a2b3c4d5e6f7", code_file: "/apex/com.android.art/lib64/libart.so" },
      { type: "elf", debug_id: "51ab6c0f-2d3e-4a5b-6c7d-8e9f0a1b2c3d", code_id: "0f6cab51e32d5b4a6c7d8e9f0a1b2c3d", code_file: libcImage },
    ],
  },
});

const threadDump = Buffer.from(
  [
    '----- pid 23817 at 2026-03-14 08:12:05.660 -----',
    'Cmd line: com.acme.shop',
    '',
    '"main" prio=5 tid=1 Blocked',
    '  at com.acme.shop.data.PriceCache.loadBlocking(PriceCache.kt:54)',
    '  - waiting to lock <0x0b9e4c21> (a com.acme.shop.data.PriceStore) held by thread 27',
    '',
  ].join("\n"),
);

export const ANR_EVENT_ID = "8f9a0b1c2d3e4f50a1b2c3d4e5f60718";
export const anrForegroundEvent = anrEvent(ANR_EVENT_ID, false);
export const anrForegroundEnvelope = buildEnvelope(
  androidHeader(ANR_EVENT_ID, "2026-03-14T08:14:41.302Z"),
  [
    eventItem(anrForegroundEvent),
    { header: { content_type: "text/plain", filename: "thread-dump.txt", type: "attachment", attachment_type: "event.attachment" }, payload: threadDump, withLength: true },
  ],
  { trailingNewline: true },
);
export const ANR_BACKGROUND_EVENT_ID = "9a0b1c2d3e4f5061b2c3d4e5f6071829";
export const anrBackgroundEvent = anrEvent(ANR_BACKGROUND_EVENT_ID, true);
export const anrBackgroundEnvelope = buildEnvelope(androidHeader(ANR_BACKGROUND_EVENT_ID, "2026-03-14T08:20:02.001Z"), [eventItem(anrBackgroundEvent)], { trailingNewline: true });

// 2d. Native crash via TombstoneIntegration (Android 12+ ApplicationExitInfo REASON_CRASH_NATIVE):
//     platform "native", level fatal, message { formatted: "Fatal signal …" } (debuggerd's line),
//     exception { type: "SIGSEGV", value: "Segfault", mechanism { type: "Tombstone", handled: false,
//     synthetic: true, meta: signal number/name/code/code_name }, stacktrace with registers and
//     instruction_addr_adjustment "none" }, threads (crashed one shares the stack), debug_meta ELF
//     images with image_addr/size. sentry-native's signal handler (sentry-android-ndk) reports the
//     same type/value with mechanism { type: "signalhandler", handled: false, synthetic: true }.

const appLibDir = "/data/app/~~Xk3v9QpL2mN8rT5w==/com.acme.shop-Hq7Yz1Bc4De6Fg8==/lib/arm64";
const nativeFrames = (decodeAddr: string) => [
  { function: "__start_thread", in_app: false, package: libcImage, instruction_addr: "0x7d3a21c4f0" },
  { function: "__pthread_start(void*)", in_app: false, package: libcImage, instruction_addr: "0x7d3a2164a8" },
  { function: "ImageWorker::run()", in_app: true, package: `${appLibDir}/libimagecore.so`, instruction_addr: "0x7b2c43e1d4" },
  { function: "decode_tile", in_app: true, package: `${appLibDir}/libimagecore.so`, instruction_addr: decodeAddr },
  { function: "memcpy", in_app: false, package: libcImage, instruction_addr: "0x7d3a1b8f00" },
];

export const TOMBSTONE_EVENT_ID = "a0b1c2d3e4f5061728394a5b6c7d8e9f";
export const tombstoneEvent = {
  timestamp: "2026-03-14T07:44:18.250Z",
  message: { formatted: "Fatal signal SIGSEGV (11), SEGV_MAPERR (1), pid = 23817 (com.acme.shop)" },
  threads: {
    values: [
      { id: 23817, name: "main", main: true, stacktrace: { frames: [{ function: "__epoll_pwait", in_app: false, package: libcImage, instruction_addr: "0x7d3a1f02a8" }], instruction_addr_adjustment: "none" } },
      {
        id: 23902,
        name: "ImageWorker-2",
        crashed: true,
        stacktrace: { frames: nativeFrames("0x7b2c43a9c8"), registers: { pc: "0x7d3a1b8f00", sp: "0x7a11c3e0c0", lr: "0x7b2c43a9cc" }, instruction_addr_adjustment: "none" },
      },
    ],
  },
  exception: {
    values: [
      {
        type: "SIGSEGV",
        value: "Segfault",
        thread_id: 23902,
        stacktrace: { frames: nativeFrames("0x7b2c43a9c8"), registers: { pc: "0x7d3a1b8f00", sp: "0x7a11c3e0c0", lr: "0x7b2c43a9cc" }, instruction_addr_adjustment: "none" },
        mechanism: { type: "Tombstone", handled: false, meta: { number: 11, code: 1, name: "SIGSEGV", code_name: "SEGV_MAPERR" }, synthetic: true },
      },
    ],
  },
  level: "fatal",
  event_id: TOMBSTONE_EVENT_ID,
  contexts: androidContexts,
  sdk: androidSdk,
  release: "com.acme.shop@4.2.0+420",
  environment: "production",
  platform: "native",
  user: { id: INSTALLATION_ID },
  dist: "420",
  debug_meta: {
    images: [
      { type: "elf", debug_id: "c2a1f0e3-4b5d-6c7e-8f90-a1b2c3d4e5f6", code_id: "e3f0a1c25d4b7e6c8f90a1b2c3d4e5f6", code_file: `${appLibDir}/libimagecore.so`, image_addr: "0x7b2c400000", image_size: 1310720 },
      { type: "elf", debug_id: "51ab6c0f-2d3e-4a5b-6c7d-8e9f0a1b2c3d", code_id: "0f6cab51e32d5b4a6c7d8e9f0a1b2c3d", code_file: libcImage, image_addr: "0x7d3a100000", image_size: 1048576 },
    ],
  },
};
export const tombstoneEnvelope = buildEnvelope(androidHeader(TOMBSTONE_EVENT_ID, "2026-03-14T07:46:02.117Z"), [eventItem(tombstoneEvent)], { trailingNewline: true });

/**
 * The same kind of crash caught by sentry-native's signal handler (sentry-android-ndk), written to
 * the outbox and re-sent by the Java side: no message, mechanism "signalhandler" with meta.signal.
 */
export const NDK_SIGNAL_EVENT_ID = "b1c2d3e4f5061728394a5b6c7d8e9fa0";
export const ndkSignalEvent = {
  timestamp: "2026-03-14T07:50:41.006Z",
  exception: {
    values: [
      {
        type: "SIGSEGV",
        value: "Segfault",
        stacktrace: { frames: nativeFrames("0x7b2c43a9e4"), registers: { pc: "0x7d3a1b8f00", sp: "0x7a11c3e0c0" } },
        mechanism: { type: "signalhandler", handled: false, meta: { signal: { name: "SIGSEGV", number: 11 } }, synthetic: true },
      },
    ],
  },
  level: "fatal",
  event_id: NDK_SIGNAL_EVENT_ID,
  contexts: androidContexts,
  sdk: androidSdk,
  release: "com.acme.shop@4.2.0+420",
  environment: "production",
  platform: "native",
  user: { id: INSTALLATION_ID },
  dist: "420",
  debug_meta: tombstoneEvent.debug_meta,
};
export const ndkSignalEnvelope = buildEnvelope(androidHeader(NDK_SIGNAL_EVENT_ID, "2026-03-14T07:52:13.550Z"), [eventItem(ndkSignalEvent)], { trailingNewline: true });

// ---------------------------------------------------------------------------------------------
// Plain Java without in-app configuration (no inAppIncludes: SentryStackTraceFactory.isInApp gives
// null, so no frame carries in_app at all) — the same ledger bug as springChainedEvent.
// ---------------------------------------------------------------------------------------------

const withoutInApp = (values: Record<string, unknown>[]) =>
  values.map((value) => {
    const stacktrace = value.stacktrace as { frames: JavaFrame[] };
    const frames = stacktrace.frames.map((frame) => Object.fromEntries(Object.entries(frame).filter(([key]) => key !== "in_app")));
    return { ...value, stacktrace: { frames } };
  });

export const PLAIN_JAVA_EVENT_ID = "d4e5f60718293a4b5c6d7e8f90a1b2c3";
export const plainJavaEvent = {
  ...springChainedEvent,
  event_id: PLAIN_JAVA_EVENT_ID,
  exception: { values: withoutInApp(ledgerSyncChain({ raiseLine: 118, callLine: 112, invoice: "INV-21002", threadId: 12 })) },
  sdk: { name: "sentry.java", version: JAVA_SDK_VERSION, packages: [{ name: "maven:io.sentry:sentry", version: JAVA_SDK_VERSION }] },
};
export const plainJavaEnvelope = buildEnvelope(
  { event_id: PLAIN_JAVA_EVENT_ID, sdk: { name: "sentry.java", version: JAVA_SDK_VERSION }, sent_at: "2026-03-14T09:26:54.102Z" },
  [eventItem(plainJavaEvent)],
  { trailingNewline: true },
);

// ---------------------------------------------------------------------------------------------
// Legacy sentry-java 1.7.x (raven-java lineage; history of the same repository, e.g.
// sentry/src/main/java/io/sentry/connection/{HttpConnection,AbstractConnection}.java,
// marshaller/json/{JsonMarshaller,ExceptionInterfaceBinding,StackTraceInterfaceBinding,
// MessageInterfaceBinding}.java): POST {dsn host}/api/{project}/store/ with
// X-Sentry-Auth "Sentry sentry_version=6,sentry_client=sentry-java/1.7.x,sentry_key=…[,sentry_secret=…]",
// Content-Type application/json, Content-Encoding gzip. One JSON event: legacy interface names,
// the exception list bare (oldest cause first), timestamp "yyyy-MM-ddTHH:mm:ss" in UTC without a
// zone, null for unset fields, frames outermost first with in_app always written (false for frames
// shared with the enclosing exception) and the raw line number (negative when unknown/native).
// ---------------------------------------------------------------------------------------------

export const LEGACY_STORE_EVENT_ID = "e5f60718293a4b5c6d7e8f90a1b2c3d4";
const legacyFrame = (module: string, fn: string, file: string, line: number, inApp: boolean) => ({ filename: file, module, in_app: inApp, function: fn, lineno: line });
export const legacyStoreEvent = {
  event_id: LEGACY_STORE_EVENT_ID,
  message: "Could not push invoice INV-18840 to the ledger",
  timestamp: "2026-03-14T09:30:12",
  level: "error",
  logger: "com.acme.billing.sync.LedgerSyncService",
  platform: "java",
  culprit: null,
  transaction: null,
  sdk: { name: "sentry-java", version: "1.7.30-7a445", integrations: ["logback"] },
  tags: { tenant: "northwind" },
  breadcrumbs: { values: [{ timestamp: "2026-03-14T09:30:11.950Z", type: "default", level: "info", message: "Syncing invoice batch", category: "com.acme.billing.web.InvoiceController" }] },
  contexts: {},
  server_name: "billing-legacy-01",
  release: "billing-service@2.9.0",
  dist: null,
  extra: { thread_name: "http-nio-8080-exec-2" },
  environment: "staging",
  checksum: null,
  "sentry.interfaces.Message": { message: "Could not push invoice {} to the ledger", params: ["INV-18840"], formatted: "Could not push invoice INV-18840 to the ledger" },
  "sentry.interfaces.Exception": [
    {
      type: "SQLTransientConnectionException",
      value: "ledger-pool - Connection is not available, request timed out after 30000ms.",
      module: "java.sql",
      stacktrace: {
        frames: [
          legacyFrame("java.lang.Thread", "run", "Thread.java", 748, false),
          legacyFrame("com.acme.billing.sync.LedgerSyncService", "pushInvoice", "LedgerSyncService.java", 97, false),
          legacyFrame("com.zaxxer.hikari.pool.HikariPool", "createTimeoutException", "HikariPool.java", 676, false),
        ],
      },
    },
    {
      type: "InvoiceSyncException",
      value: "Could not push invoice INV-18840 to the ledger",
      module: "com.acme.billing.sync",
      stacktrace: {
        frames: [
          legacyFrame("java.lang.Thread", "run", "Thread.java", 748, false),
          legacyFrame("java.lang.reflect.Method", "invoke", "Method.java", -2, false),
          legacyFrame("com.acme.billing.web.InvoiceController", "syncInvoice", "InvoiceController.java", 61, true),
          legacyFrame("com.acme.billing.sync.LedgerSyncService", "pushInvoice", "LedgerSyncService.java", 103, true),
        ],
      },
    },
  ],
};
