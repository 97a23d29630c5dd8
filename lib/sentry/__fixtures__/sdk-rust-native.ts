/**
 * Payloads in the shapes sentry-rust and sentry-native really send, written by hand from their
 * sources (no SDK text copied; every name, path, id and message here is invented).
 *
 * sentry-rust 0.49.1 (getsentry/sentry-rust HEAD of 2026-08), read:
 *   sentry-types/src/protocol/v7.rs        Event/Exception/Frame/Thread/DebugImage serialization
 *   sentry-types/src/protocol/envelope.rs  Envelope::to_writer (headers, item headers, newlines)
 *   sentry-types/src/auth.rs, dsn.rs       X-Sentry-Auth value, envelope URL
 *   sentry-core/src/client/mod.rs          prepare_event (platform "other" -> "native"), capture_event
 *   sentry-core/src/error.rs               event_from_error (cause chain, type parsed from Debug)
 *   sentry-core/src/scope/real.rs          apply_to_event (user, tags, extra, contexts, breadcrumbs)
 *   sentry-anyhow/src/lib.rs               capture_anyhow (std backtrace on the raised exception)
 *   sentry-panic/src/lib.rs                panic hook event
 *   sentry-backtrace/src/{parse,process,trim,utils,integration}.rs  frames, in_app, package
 *   sentry-tracing/src/converters.rs, sentry-log/src/converters.rs   log integrations
 *   sentry-contexts/src/utils.rs, sentry-debug-images/src/images.rs, sentry-tower/src/http.rs
 *   sentry/src/transports/{reqwest,curl,ureq}.rs
 *
 * sentry-native 0.16.3 (getsentry/sentry-native HEAD of 2026-08), read:
 *   src/sentry_envelope.c         envelope header (dsn, event_id, sent_at, trace), items, serialization
 *   src/sentry_value.c            event/exception/thread/stacktrace/message constructors
 *   src/sentry_scope.c            apply_to_event (platform, level, sdk, user, tags, contexts, breadcrumbs, debug_meta)
 *   src/sentry_core.c             prepare_event, capture_event
 *   src/backends/sentry_backend_inproc.c    signal event (synthetic SIGSEGV exception)
 *   src/backends/sentry_backend_breakpad.cpp event + event.minidump attachment
 *   src/backends/sentry_backend_crashpad.cpp minidump upload via crashpad_handler
 *   src/modulefinder/sentry_modulefinder_linux.c  debug_meta images
 *   src/sentry_session.c, src/sentry_utils.c, src/transports/sentry_http_transport.c
 *
 * HTTP requests
 *   sentry-rust (reqwest default; curl/ureq alike): POST {scheme}://{host}[:port]/api/{project}/envelope/
 *     X-Sentry-Auth: Sentry sentry_key=<key>, sentry_version=7, sentry_timestamp=<unix secs float>,
 *       sentry_client=sentry.rust/0.49.1
 *     No Content-Type set by the SDK, no compression. Envelope header: only {"event_id": "<uuid with dashes>"}
 *     (no dsn, no sent_at); each item `{"type":…,"length":N}` + payload + "\n". Event JSON event_id has no dashes.
 *   sentry-native (curl on Linux/macOS, WinHTTP on Windows): POST https://host:443/api/{project}/envelope/
 *     (port always written), x-sentry-auth: Sentry sentry_key=<key>, sentry_version=7, sentry_client=sentry.native/0.16.3
 *     content-type: application/x-sentry-envelope; content-encoding: gzip only when built with
 *     SENTRY_TRANSPORT_COMPRESSION (off by default). Envelope header {dsn, event_id (dashes), trace, sent_at};
 *     items `{"type":"event","length":N}`; no newline after the last payload.
 *     Crashpad (default backend on Linux/macOS/Windows) uploads the minidump itself:
 *     POST /api/{project}/minidump/?sentry_client=sentry.native/0.16.3&sentry_key=<key> (multipart).
 *     Opt-in large attachments use TUS: POST /api/{project}/upload/ then PATCH.
 */
import { buildMinidump } from "@/lib/sentry/__fixtures__/buildMinidump";
import { buildEnvelope } from "@/lib/sentry/__fixtures__/envelopes";

// ---------------------------------------------------------------------------------------------
// sentry-rust
// ---------------------------------------------------------------------------------------------

export const RUST_KEY = "b7e1c9a04f2d4e6a8c3b5d7f9e1a2c4b";
export const RUST_DSN = `https://${RUST_KEY}@errors.example.net/17`;
export const RUST_AUTH_HEADER = `Sentry sentry_key=${RUST_KEY}, sentry_version=7, sentry_timestamp=1767261845.51234, sentry_client=sentry.rust/0.49.1`;
export const RUST_ENVELOPE_URL = "https://errors.example.net/api/17/envelope/";

const RUSTC = "/rustc/29483883eed69d5fb4db01964cdf2af4d86e9cb2";
const CARGO = "/home/builder/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f";
const APP_SRC = "/builds/ledger-sync/src";

/** What sentry-backtrace derives as `package` from a function name: its crate, "<T as crate::…>" included. */
function crateOf(fn: string): string | undefined {
  return /^(?:_?<)?(?:\w+ as )?([a-zA-Z0-9_]+?)(?:\.\.|::|\[)/.exec(fn)?.[1];
}

type RustFrame = Record<string, unknown>;

/**
 * A frame in Frame's serialization order (function, symbol, package, filename, abs_path, lineno,
 * colno, in_app, instruction_addr). `inApp` is what process_event_stacktrace decides: false for the
 * well-known prefixes (std::, core::, alloc::, backtrace::, sentry::, sentry_core::, sentry_backtrace::,
 * anyhow::, tokio::, …, matched after stripping "<" / "<F as "), true for everything else when no
 * frame was marked in-app explicitly.
 */
function rustFrame(fn: string, inApp: boolean, at?: { path: string; line?: number; col?: number }, addr?: string): RustFrame {
  const frame: RustFrame = { function: fn };
  const pkg = crateOf(fn);
  if (pkg) frame.package = pkg;
  if (at) {
    frame.filename = at.path.slice(at.path.lastIndexOf("/") + 1);
    frame.abs_path = at.path;
    if (at.line !== undefined) frame.lineno = at.line;
    if (at.col !== undefined) frame.colno = at.col;
  }
  frame.in_app = inApp;
  if (addr) frame.instruction_addr = addr;
  return frame;
}

const rustSdk = {
  name: "sentry.rust",
  version: "0.49.1",
  packages: [{ name: "cargo:sentry", version: "0.49.1" }],
  integrations: ["attach-stacktrace", "debug-images", "contexts", "panic", "process-stacktrace"],
};

const rustContexts = (traceId: string, spanId: string) => ({
  os: { type: "os", name: "Linux", version: "6.8.0-1019-aws", kernel_version: "#21-Ubuntu SMP Wed Sep 24 18:01:54 UTC 2025" },
  rust: { type: "runtime", name: "rustc", version: "1.89.0", channel: "stable" },
  device: { type: "device", arch: "aarch64" },
  trace: { type: "trace", span_id: spanId, trace_id: traceId },
});

/** DebugImagesIntegration: the legacy "symbolic" image type, with `name` and `id` (no code_file). */
const rustDebugMeta = {
  images: [
    {
      type: "symbolic",
      name: "/usr/local/bin/ledger-sync",
      arch: null,
      image_addr: "0xaaaab4c10000",
      image_size: 24707072,
      image_vmaddr: "0x0",
      id: "6f0d2c1e-8a4b-3c5d-9e7f-1a2b3c4d5e6f",
      code_id: "1e2c0d6f4b8a5d3c9e7f1a2b3c4d5e6f7a8b9c0d",
    },
    {
      type: "symbolic",
      name: "/usr/lib/aarch64-linux-gnu/libc.so.6",
      arch: null,
      image_addr: "0xffff8a2b0000",
      image_size: 1757184,
      id: "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
      code_id: "3d2c1b0a5f4e7b6a8c9d0e1f2a3b4c5d6e7f8091",
    },
  ],
};

const rustUser = { id: "op-2231", email: "treasury-ops@ledger.example", ip_address: "10.20.3.41" };

/**
 * The std backtrace anyhow captured when `.with_context(…)` wrapped the LedgerError, as sentry-anyhow
 * parses it ("{backtrace:#}": function, file:line:col, no addresses), innermost last.
 * `<E as anyhow::context::ext::StdError>::ext_context` is marked in_app by the SDK: its name starts
 * with "<E as ", which the well-known-prefix check does not strip (it strips only "<F as ").
 */
function anyhowSyncFrames(syncLine: number): RustFrame[] {
  return [
    rustFrame("clone3", true, { path: "./misc/../sysdeps/unix/sysv/linux/aarch64/clone3.S", line: 76, col: 0 }),
    rustFrame("start_thread", true, { path: "./nptl/pthread_create.c", line: 447, col: 8 }),
    rustFrame("std::sys::pal::unix::thread::Thread::new::thread_start", false, { path: `${RUSTC}/library/std/src/sys/pal/unix/thread.rs`, line: 97, col: 17 }),
    rustFrame("tokio::runtime::scheduler::multi_thread::worker::run", false, { path: `${CARGO}/tokio-1.47.1/src/runtime/scheduler/multi_thread/worker.rs`, line: 513, col: 21 }),
    rustFrame("tokio::runtime::scheduler::multi_thread::worker::Context::run_task", false, { path: `${CARGO}/tokio-1.47.1/src/runtime/scheduler/multi_thread/worker.rs`, line: 593, col: 9 }),
    rustFrame("tokio::runtime::task::core::Core<T,S>::poll::{{closure}}", false, { path: `${CARGO}/tokio-1.47.1/src/runtime/task/core.rs`, line: 375, col: 24 }),
    rustFrame("<core::pin::Pin<P> as core::future::future::Future>::poll", false, { path: `${RUSTC}/library/core/src/future/future.rs`, line: 133, col: 9 }),
    rustFrame("ledger_sync::worker::run_batch::{{closure}}", true, { path: `${APP_SRC}/worker.rs`, line: 41, col: 28 }),
    rustFrame("ledger_sync::sync::sync_account::{{closure}}", true, { path: `${APP_SRC}/sync.rs`, line: syncLine, col: 10 }),
    rustFrame("anyhow::context::<impl anyhow::Context<T,E> for core::result::Result<T,E>>::with_context", false, { path: `${CARGO}/anyhow-1.0.98/src/context.rs`, line: 66, col: 9 }),
    rustFrame("core::result::Result<T,E>::map_err", false, { path: `${RUSTC}/library/core/src/result.rs`, line: 903, col: 27 }),
    rustFrame("anyhow::context::<impl anyhow::Context<T,E> for core::result::Result<T,E>>::with_context::{{closure}}", false, { path: `${CARGO}/anyhow-1.0.98/src/context.rs`, line: 66, col: 31 }),
    rustFrame("<E as anyhow::context::ext::StdError>::ext_context", true, { path: `${CARGO}/anyhow-1.0.98/src/context.rs`, line: 27, col: 29 }),
    rustFrame("std::backtrace::Backtrace::capture", false, { path: `${RUSTC}/library/std/src/backtrace.rs`, line: 296, col: 9 }),
    rustFrame("std::backtrace::Backtrace::create", false, { path: `${RUSTC}/library/std/src/backtrace.rs`, line: 331, col: 13 }),
    rustFrame("std::backtrace_rs::backtrace::libunwind::trace", false, { path: `${RUSTC}/library/std/src/../../backtrace/src/backtrace/libunwind.rs`, line: 117, col: 9 }),
  ];
}

/**
 * sentry::integrations::anyhow::capture_anyhow(&err) where
 *   err = load_snapshot(path).with_context(|| format!("failed to sync account {id}"))
 * and load_snapshot returned LedgerError::Corrupt { path, source: serde_json::Error }.
 * event_from_error lists the chain root cause first, the raised (outermost) error last; types come
 * from each error's Debug output: anyhow's context prints as `Error { context: …}`, a thiserror enum
 * as its variant, serde_json's error as `Error(…)`. No mechanism on any value. level "error" is the
 * default and is not serialized.
 */
export function rustAnyhowEvent(opts: { eventId: string; accountId: string; syncLine: number; timestamp: number; snapshotLine: number }) {
  return {
    event_id: opts.eventId,
    transaction: "POST /accounts/{id}/sync",
    platform: "native",
    timestamp: opts.timestamp,
    server_name: "ledger-sync-5d8f7c9b-x2kq",
    release: "ledger-sync@2.7.1",
    environment: "production",
    user: rustUser,
    request: {
      url: `http://ledger-sync.internal:8080/accounts/${opts.accountId}/sync`,
      method: "POST",
      headers: { host: "ledger-sync.internal:8080", "user-agent": "ops-console/4.2", "content-type": "application/json" },
    },
    contexts: rustContexts("7d3c2b1a0f9e8d7c6b5a493827161504", "a1b2c3d4e5f60718"),
    breadcrumbs: {
      values: [
        { timestamp: opts.timestamp - 0.8, type: "log", category: "ledger_sync::sync", message: `loading snapshot for ${opts.accountId}` },
        { timestamp: opts.timestamp - 0.2, type: "log", category: "ledger_sync::sync", level: "warning", message: "snapshot checksum missing, parsing anyway" },
      ],
    },
    exception: {
      values: [
        { type: "Error", value: `expected \`,\` or \`}\` at line ${opts.snapshotLine} column 3` },
        { type: "Corrupt", value: `ledger snapshot /var/lib/ledger/${opts.accountId}.json is corrupt` },
        {
          type: "Error",
          value: `failed to sync account ${opts.accountId}`,
          stacktrace: { frames: anyhowSyncFrames(opts.syncLine) },
        },
      ],
    },
    tags: { region: "eu-central-1", tenant: "northwind" },
    extra: { batch_size: 250 },
    debug_meta: rustDebugMeta,
    sdk: rustSdk,
  };
}

export const RUST_ANYHOW_ID = "3f6e1d2c9b8a47f5a0e1d2c3b4a59687";
export const RUST_ANYHOW_AGAIN_ID = "0c1d2e3f4a5b46c7d8e9fa0b1c2d3e4f";

/** Envelope header as Envelope::to_writer writes it for an event: the event id only, with dashes. */
const rustHeader = (eventId: string) => ({ event_id: `${eventId.slice(0, 8)}-${eventId.slice(8, 12)}-${eventId.slice(12, 16)}-${eventId.slice(16, 20)}-${eventId.slice(20)}` });
const rustEnvelope = (event: { event_id: string }) => buildEnvelope(rustHeader(event.event_id), [{ header: { type: "event" }, payload: event, withLength: true }], { trailingNewline: true });

export const rustAnyhow = rustAnyhowEvent({ eventId: RUST_ANYHOW_ID, accountId: "acct-1093", syncLine: 88, timestamp: 1767261845.318442, snapshotLine: 14 });
export const rustAnyhowEnvelope = rustEnvelope(rustAnyhow);

/** The same bug a day later: another account, the call moved to line 91, another parse position. */
export const rustAnyhowAgain = rustAnyhowEvent({ eventId: RUST_ANYHOW_AGAIN_ID, accountId: "acct-20417", syncLine: 91, timestamp: 1767348245.901201, snapshotLine: 233 });
export const rustAnyhowAgainEnvelope = rustEnvelope(rustAnyhowAgain);

/** A different bug: posting a journal entry fails on a unique constraint (sqlx::Error::Database, as its variant). */
export const rustOtherBug = {
  event_id: "9a8b7c6d5e4f40312a1b0c9d8e7f6a5b",
  platform: "native",
  timestamp: 1767262000.004,
  server_name: "ledger-sync-5d8f7c9b-x2kq",
  release: "ledger-sync@2.7.1",
  environment: "production",
  contexts: rustContexts("5c4b3a29180f7e6d5c4b3a2918070605", "0f1e2d3c4b5a6978"),
  exception: {
    values: [
      { type: "Database", value: 'error returned from database: duplicate key value violates unique constraint "journal_entries_ref_key"' },
      {
        type: "Error",
        value: "failed to post journal entry JE-5531",
        stacktrace: {
          frames: [
            rustFrame("tokio::runtime::task::core::Core<T,S>::poll::{{closure}}", false, { path: `${CARGO}/tokio-1.47.1/src/runtime/task/core.rs`, line: 375, col: 24 }),
            rustFrame("ledger_sync::worker::run_batch::{{closure}}", true, { path: `${APP_SRC}/worker.rs`, line: 57, col: 22 }),
            rustFrame("ledger_sync::journal::post_entry::{{closure}}", true, { path: `${APP_SRC}/journal.rs`, line: 132, col: 14 }),
            rustFrame("anyhow::context::<impl anyhow::Context<T,E> for core::result::Result<T,E>>::with_context", false, { path: `${CARGO}/anyhow-1.0.98/src/context.rs`, line: 66, col: 9 }),
            rustFrame("<E as anyhow::context::ext::StdError>::ext_context", true, { path: `${CARGO}/anyhow-1.0.98/src/context.rs`, line: 27, col: 29 }),
            rustFrame("std::backtrace::Backtrace::capture", false, { path: `${RUSTC}/library/std/src/backtrace.rs`, line: 296, col: 9 }),
          ],
        },
      },
    ],
  },
  debug_meta: rustDebugMeta,
  sdk: rustSdk,
};
export const rustOtherBugEnvelope = rustEnvelope(rustOtherBug);

/**
 * The panic hook's event: one exception of type "panic", mechanism {type: "panic", handled: false},
 * level fatal, the stack walked by the backtrace crate inside the hook (addresses, no columns). Since
 * sentry-rust 0.46 the stack is not trimmed: the hook's own frames (sentry_panic::…, not on the
 * well-known list) come innermost and are marked in_app like the application's.
 */
const PANIC_AT = 0xaaaab4c10000;
const LIBC_AT = 0xffff8a2b0000;
const addr = (offset: number) => `0x${(PANIC_AT + offset).toString(16)}`;
const libcAddr = (offset: number) => `0x${(LIBC_AT + offset).toString(16)}`;
export const rustPanic = {
  event_id: "5e4d3c2b1a0948f7e6d5c4b3a2918070",
  level: "fatal",
  platform: "native",
  timestamp: 1767263101.77213,
  server_name: "ledger-sync-5d8f7c9b-x2kq",
  release: "ledger-sync@2.7.1",
  environment: "production",
  user: rustUser,
  contexts: rustContexts("2e1d0c9b8a7f6e5d4c3b2a1908f7e6d5", "9a8b7c6d5e4f3a2b"),
  exception: {
    values: [
      {
        type: "panic",
        value: "account row missing from ledger cache",
        stacktrace: {
          frames: [
            rustFrame("clone3", true, undefined, libcAddr(0xe5f9c)),
            rustFrame("start_thread", true, undefined, libcAddr(0x82a88)),
            rustFrame("std::sys::pal::unix::thread::Thread::new::thread_start", false, { path: `${RUSTC}/library/std/src/sys/pal/unix/thread.rs`, line: 97 }, addr(0x8a1c44)),
            rustFrame("tokio::runtime::scheduler::multi_thread::worker::Context::run_task", false, { path: `${CARGO}/tokio-1.47.1/src/runtime/scheduler/multi_thread/worker.rs`, line: 593 }, addr(0x5b20e8)),
            rustFrame("<core::pin::Pin<P> as core::future::future::Future>::poll", false, { path: `${RUSTC}/library/core/src/future/future.rs`, line: 133 }, addr(0x3c7d10)),
            rustFrame("ledger_sync::http::balance_handler::{{closure}}", true, { path: `${APP_SRC}/http.rs`, line: 57 }, addr(0x2f41a8)),
            rustFrame("ledger_sync::ledger::Ledger::balance_of", true, { path: `${APP_SRC}/ledger.rs`, line: 212 }, addr(0x2e9c34)),
            rustFrame("core::option::expect_failed", false, { path: `${RUSTC}/library/core/src/option.rs`, line: 2030 }, addr(0x8c0a10)),
            rustFrame("core::panicking::panic_display", false, { path: `${RUSTC}/library/core/src/panicking.rs`, line: 259 }, addr(0x8c09c4)),
            rustFrame("core::panicking::panic_fmt", false, { path: `${RUSTC}/library/core/src/panicking.rs`, line: 75 }, addr(0x8c0954)),
            rustFrame("rust_begin_unwind", false, { path: `${RUSTC}/library/std/src/panicking.rs`, line: 697 }, addr(0x8a5e18)),
            rustFrame("std::panicking::rust_panic_with_hook", false, { path: `${RUSTC}/library/std/src/panicking.rs`, line: 841 }, addr(0x8a5b70)),
            rustFrame("<alloc::boxed::Box<F,A> as core::ops::function::Fn<Args>>::call", false, { path: `${RUSTC}/library/alloc/src/boxed.rs`, line: 1999 }, addr(0x8a3f04)),
            rustFrame("<sentry_panic::PanicIntegration as sentry_core::integration::Integration>::setup::{{closure}}::{{closure}}", true, { path: `${CARGO}/sentry-panic-0.49.1/src/lib.rs`, line: 74 }, addr(0x7710c8)),
            rustFrame("sentry_panic::panic_handler", true, { path: `${CARGO}/sentry-panic-0.49.1/src/lib.rs`, line: 40 }, addr(0x770e2c)),
            rustFrame("sentry_core::api::with_integration", false, { path: `${CARGO}/sentry-core-0.49.1/src/api.rs`, line: 246 }, addr(0x76f8a0)),
            rustFrame("sentry_panic::panic_handler::{{closure}}", true, { path: `${CARGO}/sentry-panic-0.49.1/src/lib.rs`, line: 41 }, addr(0x770d50)),
            rustFrame("sentry_panic::PanicIntegration::event_from_panic_info", true, { path: `${CARGO}/sentry-panic-0.49.1/src/lib.rs`, line: 134 }, addr(0x7711f4)),
            rustFrame("sentry_backtrace::current_stacktrace", false, { path: `${CARGO}/sentry-backtrace-0.49.1/src/lib.rs`, line: 25 }, addr(0x76a3b0)),
            rustFrame("backtrace::capture::Backtrace::new", false, { path: `${CARGO}/backtrace-0.3.75/src/capture.rs`, line: 293 }, addr(0x7b8e24)),
            rustFrame("backtrace::capture::Backtrace::create", false, { path: `${CARGO}/backtrace-0.3.75/src/capture.rs`, line: 328 }, addr(0x7b8c90)),
          ],
        },
        mechanism: { type: "panic", handled: false },
      },
    ],
  },
  debug_meta: rustDebugMeta,
  sdk: rustSdk,
};
export const rustPanicEnvelope = rustEnvelope(rustPanic);

/** sentry::capture_message("ledger drift detected: 3 accounts differ from the bank statement", Level::Warning). */
export const rustMessage = {
  event_id: "1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6",
  level: "warning",
  message: "ledger drift detected: 3 accounts differ from the bank statement",
  platform: "native",
  timestamp: 1767264000.5,
  server_name: "ledger-sync-5d8f7c9b-x2kq",
  release: "ledger-sync@2.7.1",
  environment: "production",
  contexts: rustContexts("6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d", "1234abcd5678ef90"),
  tags: { job: "nightly-reconcile" },
  debug_meta: rustDebugMeta,
  sdk: rustSdk,
};
export const rustMessageEnvelope = rustEnvelope(rustMessage);

/**
 * sentry-tracing, `tracing::error!(tags.job = "nightly-reconcile", account = %id, "reconciliation gave up after {} retries", 5)`:
 * the default event filter turns ERROR into an event: `message` (already formatted), `logger` the
 * target, fields prefixed "tags." become tags, the rest and the call site go to contexts. Level
 * error is not serialized.
 */
export const rustTracingError = {
  event_id: "7b6a5c4d3e2f41a0b9c8d7e6f5a4b3c2",
  logger: "ledger_sync::reconcile",
  message: "reconciliation gave up after 5 retries",
  platform: "native",
  timestamp: 1767264300.25,
  server_name: "ledger-sync-5d8f7c9b-x2kq",
  release: "ledger-sync@2.7.1",
  environment: "production",
  contexts: {
    ...rustContexts("0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7", "fedcba9876543210"),
    "Rust Tracing Fields": { type: "unknown", account: "acct-1093" },
    "Rust Tracing Location": { type: "unknown", file: "src/reconcile.rs", line: 148, module_path: "ledger_sync::reconcile" },
  },
  tags: { job: "nightly-reconcile" },
  debug_meta: rustDebugMeta,
  sdk: rustSdk,
};
export const rustTracingErrorEnvelope = rustEnvelope(rustTracingError);

/**
 * `tracing::error!(error = &err as &dyn std::error::Error, "bank statement import failed")` with the
 * default attach_stacktrace=false: the error's chain becomes the exceptions (no stacks), the last one
 * gets mechanism type "tracing", and the message stays as `message`.
 */
export const rustTracingWithError = {
  event_id: "8c7d6e5f4a3b42c1d0e9f8a7b6c5d4e3",
  logger: "ledger_sync::import",
  message: "bank statement import failed",
  platform: "native",
  timestamp: 1767264400.125,
  release: "ledger-sync@2.7.1",
  environment: "production",
  contexts: {
    ...rustContexts("1f2e3d4c5b6a79880716253443526170", "0a1b2c3d4e5f6071"),
    "Rust Tracing Location": { type: "unknown", file: "src/import.rs", line: 63, module_path: "ledger_sync::import" },
  },
  exception: {
    values: [
      { type: "Os", value: "Connection refused (os error 111)" },
      { type: "ConnectError", value: "tcp connect error" },
      { type: "hyper_util::client::legacy::Error", value: "client error (Connect)" },
      { type: "reqwest::Error", value: "error sending request for url (https://bank.example.com/v2/statements?since=2025-12-31)", mechanism: { type: "tracing" } },
    ],
  },
  sdk: rustSdk,
};
export const rustTracingWithErrorEnvelope = rustEnvelope(rustTracingWithError);

/**
 * The same tracing::error! with `attach_stacktrace(true)`: sentry-tracing appends a synthetic
 * exception (type "tracing::error!", the message as value, mechanism {type: "tracing", synthetic: true},
 * the current thread's stack and id) after the error chain and takes the message off the event.
 * The stack is walked inside the subscriber: tracing_subscriber's frames are not on the well-known
 * list, so the SDK marks them in_app.
 */
export const rustTracingSyntheticWithError = {
  ...rustTracingWithError,
  event_id: "9d8e7f6a5b4c43d2e1f0a9b8c7d6e5f4",
  message: undefined,
  exception: {
    values: [
      ...rustTracingWithError.exception.values.slice(0, 3),
      { type: "reqwest::Error", value: "error sending request for url (https://bank.example.com/v2/statements?since=2025-12-31)" },
      {
        type: "tracing::error!",
        value: "bank statement import failed",
        module: "ledger_sync::import",
        stacktrace: {
          frames: [
            rustFrame("tokio::runtime::scheduler::multi_thread::worker::Context::run_task", false, { path: `${CARGO}/tokio-1.47.1/src/runtime/scheduler/multi_thread/worker.rs`, line: 593 }, addr(0x5b20e8)),
            rustFrame("<core::pin::Pin<P> as core::future::future::Future>::poll", false, { path: `${RUSTC}/library/core/src/future/future.rs`, line: 133 }, addr(0x3c7d10)),
            rustFrame("ledger_sync::worker::run_batch::{{closure}}", true, { path: `${APP_SRC}/worker.rs`, line: 49 }, addr(0x2f9a64)),
            rustFrame("ledger_sync::import::import_statements::{{closure}}", true, { path: `${APP_SRC}/import.rs`, line: 63 }, addr(0x2d1c38)),
            rustFrame("tracing_core::event::Event::dispatch", false, { path: `${CARGO}/tracing-core-0.1.34/src/event.rs`, line: 35 }, addr(0x7e2a10)),
            rustFrame("tracing_core::dispatcher::Dispatch::event", false, { path: `${CARGO}/tracing-core-0.1.34/src/dispatcher.rs`, line: 615 }, addr(0x7e19c4)),
            rustFrame("<tracing_subscriber::layer::layered::Layered<L,S> as tracing_core::subscriber::Subscriber>::event", true, { path: `${CARGO}/tracing-subscriber-0.3.20/src/layer/layered.rs`, line: 153 }, addr(0x7f0c58)),
            rustFrame("<sentry_tracing::layer::SentryLayer<S> as tracing_subscriber::layer::Layer<S>>::on_event", false, { path: `${CARGO}/sentry-tracing-0.49.1/src/layer/mod.rs`, line: 310 }, addr(0x79b3e0)),
            rustFrame("sentry_tracing::converters::event_from_event", false, { path: `${CARGO}/sentry-tracing-0.49.1/src/converters.rs`, line: 335 }, addr(0x799d14)),
            rustFrame("sentry_backtrace::integration::current_thread", false, { path: `${CARGO}/sentry-backtrace-0.49.1/src/integration.rs`, line: 95 }, addr(0x76a880)),
            rustFrame("sentry_backtrace::current_stacktrace", false, { path: `${CARGO}/sentry-backtrace-0.49.1/src/lib.rs`, line: 25 }, addr(0x76a3b0)),
            rustFrame("backtrace::capture::Backtrace::new", false, { path: `${CARGO}/backtrace-0.3.75/src/capture.rs`, line: 293 }, addr(0x7b8e24)),
          ],
        },
        thread_id: "7",
        mechanism: { type: "tracing", synthetic: true },
      },
    ],
  },
};
export const rustTracingSyntheticWithErrorEnvelope = rustEnvelope(rustTracingSyntheticWithError);

// ---------------------------------------------------------------------------------------------
// sentry-native
// ---------------------------------------------------------------------------------------------

export const NATIVE_KEY = "4c8e2a6f0b1d43e5a7c9e1f3b5d7a9c2";
export const NATIVE_DSN = `https://${NATIVE_KEY}@errors.example.net/23`;
export const NATIVE_AUTH_HEADER = `Sentry sentry_key=${NATIVE_KEY}, sentry_version=7, sentry_client=sentry.native/0.16.3`;
export const NATIVE_ENVELOPE_URL = "https://errors.example.net:443/api/23/envelope/";

/** One loaded binary (modulefinder_linux: type elf, code_file, image_addr, image_size, code_id, debug_id). */
interface Image {
  file: string;
  base: bigint;
  size: number;
  codeId: string;
  debugId: string;
}
const hex = (n: bigint) => `0x${n.toString(16)}`;
const imagesFor = (tilerBase: bigint, libcBase: bigint, stdcxxBase: bigint): Image[] => [
  { file: "/opt/tiler/bin/tiler", base: tilerBase, size: 0x2f4000, codeId: "8e41c0a2d93f5b7e61a04c2d9b8f3e7a10c2d4e6", debugId: "a2c0418e-3fd9-7e5b-61a0-4c2d9b8f3e7a" },
  { file: "/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.33", base: stdcxxBase, size: 0x2a2000, codeId: "5d1f3b9a0c7e2d4f6a8b0c1d2e3f4a5b6c7d8e9f", debugId: "9a3b1f5d-7e0c-4f2d-6a8b-0c1d2e3f4a5b" },
  { file: "/usr/lib/x86_64-linux-gnu/libc.so.6", base: libcBase, size: 0x1d8000, codeId: "c2b1a09f8e7d6c5b4a392817f6e5d4c3b2a19080", debugId: "9fa0b1c2-7d8e-5b6c-4a39-2817f6e5d4c3" },
];
const debugMetaOf = (images: Image[]) => ({
  images: images.map((i) => ({ type: "elf", code_file: i.file, image_addr: hex(i.base), image_size: i.size, code_id: i.codeId, debug_id: i.debugId })),
});
/** Frames as sentry_value_new_stacktrace writes them without symbolize_stacktraces (the desktop default): addresses only, outermost first. */
const framesAt = (images: Image[], sites: [image: number, offset: number][]) => sites.map(([image, offset]) => ({ instruction_addr: hex(images[image].base + BigInt(offset)) }));

const nativeSdk = {
  name: "sentry.native",
  version: "0.16.3",
  packages: [{ name: "github:getsentry/sentry-native", version: "0.16.3" }],
  integrations: ["inproc"],
};
const nativeContexts = (traceId: string, spanId: string) => ({
  os: {
    build: "88-generic",
    name: "Linux",
    version: "6.8.0",
    distribution_name: "ubuntu",
    distribution_version: "24.04",
    distribution_pretty_name: "Ubuntu 24.04.3 LTS",
  },
  trace: { trace_id: traceId, span_id: spanId },
});
const nativeUser = { id: "render-node-14", username: "tiler-svc" };

/** Run A and a later run B of the same build: ASLR moved every image, the offsets are the same. */
const RUN_A = imagesFor(0x55d0c8a00000n, 0x7f3a1c200000n, 0x7f3a1c600000n);
const RUN_B = imagesFor(0x5610f3c00000n, 0x7fb2e5400000n, 0x7fb2e5800000n);

/**
 * Where the style loader reports a layer it could not parse: __libc_start_main → main → Server::run →
 * StyleLoader::loadLayer (catch site) → sentry_value_set_stacktrace walking from inside the (static)
 * sentry library. Offsets into tiler unless said otherwise.
 */
const LAYER_FAILURE: [number, number][] = [
  [2, 0x2a1ca], // libc: __libc_start_call_main
  [0, 0x4f3e1], // main
  [0, 0x812a7], // Server::run
  [0, 0x1130d4], // StyleLoader::loadLayer (catch)
  [0, 0x2a8c10], // sentry_value_set_stacktrace
  [0, 0x2a8b4e], // sentry_value_new_stacktrace
  [0, 0x2c1f02], // sentry_unwind_stack
];

/**
 * C++ has no chain helper in sentry-native; an app reporting std::throw_with_nested builds the chain
 * itself with sentry_event_add_exception, innermost first (as the protocol orders it), and puts the
 * stack on the one it reports. sentry_value_new_exception sets only type and value: no mechanism.
 * The scope adds platform, level "error", release, environment, user, tags, contexts, sdk,
 * breadcrumbs (a bare list) and debug_meta.
 */
export function nativeExceptionEvent(opts: { eventId: string; images: Image[]; layer: number; offset: number; timestamp: string }) {
  return {
    event_id: opts.eventId,
    timestamp: opts.timestamp,
    platform: "native",
    exception: {
      values: [
        { type: "tiler::ParseError", value: `unexpected token '}' at offset ${opts.offset}` },
        {
          type: "tiler::LayerLoadError",
          value: `cannot load style layer ${opts.layer}`,
          stacktrace: { frames: framesAt(opts.images, LAYER_FAILURE) },
        },
      ],
    },
    release: "tiler@5.2.0",
    environment: "production",
    level: "error",
    user: nativeUser,
    sdk: nativeSdk,
    tags: { style: "streets-v9", renderer: "gl" },
    extra: { "style.url": "https://styles.tiler.example/streets-v9.json" },
    contexts: nativeContexts("3e9d1c7b5a2f48e6b0c4d8a2f6e1b3c5", "7c1e5a9d3b2f4e60"),
    breadcrumbs: [
      { timestamp: "2026-01-01T11:20:30.913002Z", type: "http", category: "fetch", message: "GET https://styles.tiler.example/streets-v9.json", data: { status_code: 200 } },
    ],
    debug_meta: debugMetaOf(opts.images),
  };
}

const dashed = (id: string) => `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
export const NATIVE_EXCEPTION_ID = dashed("6b2f0e1a9c8d4b7ea3f5c1d0e2b4a698");
export const NATIVE_EXCEPTION_AGAIN_ID = dashed("d4c3b2a1f0e94d8c8b7a6f5e4d3c2b1a");

/** Envelope header as sentry__envelope_new + add_event build it: dsn, event_id, trace, sent_at. */
const nativeHeader = (eventId: string, sentAt: string) => ({
  dsn: NATIVE_DSN,
  event_id: eventId,
  trace: { trace_id: "3e9d1c7b5a2f48e6b0c4d8a2f6e1b3c5", public_key: NATIVE_KEY, release: "tiler@5.2.0", environment: "production" },
  sent_at: sentAt,
});

export const nativeException = nativeExceptionEvent({ eventId: NATIVE_EXCEPTION_ID, images: RUN_A, layer: 7, offset: 1881, timestamp: "2026-01-01T11:20:31.482913Z" });
export const nativeExceptionEnvelope = buildEnvelope(nativeHeader(NATIVE_EXCEPTION_ID, "2026-01-01T11:20:31.495120Z"), [{ header: { type: "event" }, payload: nativeException, withLength: true }]);

/** The same bug after a restart: every address moved (ASLR), same offsets; another layer and parse offset. */
export const nativeExceptionAgain = nativeExceptionEvent({ eventId: NATIVE_EXCEPTION_AGAIN_ID, images: RUN_B, layer: 12, offset: 2210, timestamp: "2026-01-02T08:02:11.006417Z" });
export const nativeExceptionAgainEnvelope = buildEnvelope(nativeHeader(NATIVE_EXCEPTION_AGAIN_ID, "2026-01-02T08:02:11.019883Z"), [{ header: { type: "event" }, payload: nativeExceptionAgain, withLength: true }]);

/** A different bug: the tile cache fails to open its index (another exception type, another site). */
export const nativeOtherBug = {
  event_id: dashed("e1f2a3b4c5d64e7f8a9b0c1d2e3f4a5b"),
  timestamp: "2026-01-01T12:00:00.000100Z",
  platform: "native",
  exception: {
    values: [
      {
        type: "tiler::CacheError",
        value: "tile cache index /var/cache/tiler/idx.db is locked by another process",
        stacktrace: { frames: framesAt(RUN_A, [[2, 0x2a1ca], [0, 0x4f3e1], [0, 0x9a0c2], [0, 0x1f7a44], [0, 0x2a8c10], [0, 0x2a8b4e], [0, 0x2c1f02]]) },
      },
    ],
  },
  release: "tiler@5.2.0",
  environment: "production",
  level: "error",
  sdk: nativeSdk,
  contexts: nativeContexts("0a9b8c7d6e5f40312a1b0c9d8e7f6a5b", "5b4a3c2d1e0f9a8b"),
  debug_meta: debugMetaOf(RUN_A),
};
export const nativeOtherBugEnvelope = buildEnvelope(nativeHeader(nativeOtherBug.event_id, "2026-01-01T12:00:00.010000Z"), [{ header: { type: "event" }, payload: nativeOtherBug, withLength: true }]);

/** sentry_value_new_message_event(SENTRY_LEVEL_WARNING, "tiler.cache", "tile cache is 93% full"): `message` is `{ formatted }`. */
export const nativeMessage = {
  event_id: dashed("f0e1d2c3b4a54968a7b6c5d4e3f2a1b0"),
  timestamp: "2026-01-01T13:45:00.250000Z",
  platform: "native",
  level: "warning",
  logger: "tiler.cache",
  message: { formatted: "tile cache is 93% full" },
  release: "tiler@5.2.0",
  environment: "production",
  user: nativeUser,
  sdk: nativeSdk,
  tags: { style: "streets-v9", renderer: "gl" },
  contexts: nativeContexts("1b2c3d4e5f6a47b8c9d0e1f2a3b4c5d6", "6f5e4d3c2b1a0987"),
  debug_meta: debugMetaOf(RUN_A),
};
export const nativeMessageEnvelope = buildEnvelope(nativeHeader(nativeMessage.event_id, "2026-01-01T13:45:00.261000Z"), [{ header: { type: "event" }, payload: nativeMessage, withLength: true }]);

/**
 * The inproc backend's crash event (make_signal_event): level fatal, one exception named after the
 * signal with the signal's description, mechanism {type: "signalhandler", synthetic: true,
 * handled: false, meta.signal}, the stack unwound from the signal context (addresses only) with the
 * registers. The crash is sent together with the crashed session.
 */
export function nativeCrashEvent(eventId: string, sites: [number, number][], timestamp: string) {
  return {
    event_id: eventId,
    timestamp,
    platform: "native",
    level: "fatal",
    exception: {
      values: [
        {
          type: "SIGSEGV",
          value: "Segfault",
          mechanism: { type: "signalhandler", synthetic: true, handled: false, meta: { signal: { name: "SIGSEGV", number: 11 } } },
          stacktrace: {
            frames: framesAt(RUN_A, sites),
            registers: { rax: "0x0", rbx: "0x7ffd3c1a2e40", rcx: "0x40", rdx: "0x100", rsi: "0x0", rdi: "0x7f3a0c004000", rbp: "0x7ffd3c1a2db0", rsp: "0x7ffd3c1a2d78", rip: hex(RUN_A[2].base + 0x1a47c5n) },
          },
        },
      ],
    },
    release: "tiler@5.2.0",
    environment: "production",
    user: nativeUser,
    sdk: nativeSdk,
    tags: { style: "streets-v9", renderer: "gl" },
    contexts: nativeContexts("4d5e6f7a8b9c40d1e2f3a4b5c6d7e8f9", "2a3b4c5d6e7f8091"),
    breadcrumbs: [{ timestamp: "2026-01-01T14:02:17.114205Z", type: "navigation", message: "render tile 14/8802/5371" }],
    debug_meta: debugMetaOf(RUN_A),
  };
}

/** Segfault inside libc's memcpy called from TileEncoder::writeRun (tiler) on a render worker thread. */
export const CRASH_IN_ENCODER: [number, number][] = [
  [2, 0x9ca94], // libc: clone3
  [2, 0x94ac3], // libc: start_thread
  [1, 0xecdb4], // libstdc++: std::thread execute_native_thread_routine
  [0, 0x86f20], // WorkerPool::loop
  [0, 0x15a0e8], // Renderer::renderTile
  [0, 0x1c4d21], // TileEncoder::writeRun
  [2, 0x1a47c5], // libc: __memmove_avx_unaligned_erms (faulting instruction)
];
/** Another segfault: a null LabelPlacer dereferenced in Renderer::placeLabels. */
export const CRASH_IN_LABELS: [number, number][] = [
  [2, 0x9ca94],
  [2, 0x94ac3],
  [1, 0xecdb4],
  [0, 0x86f20],
  [0, 0x15a0e8],
  [0, 0x17e3b9], // Renderer::placeLabels (faulting instruction)
];

export const nativeCrash = nativeCrashEvent(dashed("a7b8c9d0e1f243a4b5c6d7e8f9a0b1c2"), CRASH_IN_ENCODER, "2026-01-01T14:02:17.530811Z");
export const nativeOtherCrash = nativeCrashEvent(dashed("b8c9d0e1f2a354b6c7d8e9f0a1b2c3d4"), CRASH_IN_LABELS, "2026-01-01T15:40:02.002002Z");

const crashedSession = {
  sid: "c0ffee00-1234-4abc-9def-0123456789ab",
  status: "crashed",
  did: "render-node-14",
  errors: 1,
  started: "2026-01-01T09:00:00.000000Z",
  duration: 18137.53,
  attrs: { release: "tiler@5.2.0", environment: "production" },
};

/** Written to disk in the signal handler and sent at the next start: event + crashed session. */
export const nativeCrashEnvelope = buildEnvelope(nativeHeader(nativeCrash.event_id, "2026-01-01T14:05:40.100000Z"), [
  { header: { type: "event" }, payload: nativeCrash, withLength: true },
  { header: { type: "session" }, payload: crashedSession, withLength: true },
]);
export const nativeOtherCrashEnvelope = buildEnvelope(nativeHeader(nativeOtherCrash.event_id, "2026-01-01T15:41:00.000000Z"), [
  { header: { type: "event" }, payload: nativeOtherCrash, withLength: true },
]);

/**
 * The breakpad backend: an event with no exception (level fatal), the crashed session, and the
 * minidump as an attachment (attachment_type event.minidump, filename "<uuid>.dmp", length).
 */
export const nativeBreakpadEvent = {
  event_id: dashed("c9d0e1f2a3b445c6d7e8f9a0b1c2d3e4"),
  timestamp: "2026-01-01T16:00:00.123456Z",
  platform: "native",
  level: "fatal",
  release: "tiler@5.2.0",
  environment: "production",
  user: nativeUser,
  sdk: { ...nativeSdk, integrations: ["breakpad"] },
  contexts: nativeContexts("5e6f7a8b9c0d41e2f3a4b5c6d7e8f9a0", "3b4c5d6e7f809102"),
  debug_meta: debugMetaOf(RUN_A),
};
export const nativeBreakpadDump = buildMinidump({
  arch: 9,
  platform: 0x8201,
  exceptionCode: 11,
  address: 0x18n,
  pc: RUN_A[0].base + 0x17e3b9n,
  modules: RUN_A.map((i) => ({ name: i.file, base: i.base, size: i.size })),
});
export const nativeBreakpadEnvelope = buildEnvelope(nativeHeader(nativeBreakpadEvent.event_id, "2026-01-01T16:01:00.000000Z"), [
  { header: { type: "event" }, payload: nativeBreakpadEvent, withLength: true },
  { header: { type: "session" }, payload: crashedSession, withLength: true },
  { header: { type: "attachment", attachment_type: "event.minidump", filename: "3d9a61c0-77e2-4c51-b1a8-0f2e9c4d7b63.dmp" }, payload: nativeBreakpadDump, withLength: true },
]);
