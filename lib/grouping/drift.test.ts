import { describe, expect, it } from "vitest";
import { fingerprintCorpusEvent } from "@/lib/grouping/corpus/fingerprintCorpusEvent";
import { loadCorpus } from "@/lib/grouping/corpus/loadCorpus";

/**
 * One test per drift case of the grouping issue, on real-format traces from the labelled corpus
 * (lib/grouping/__corpus__): events that differ only by the drift must share a fingerprint; the
 * "never merge" cases must not. The corpus ids name the traces; each file says what it varies.
 */
const corpus = new Map(loadCorpus().map((e) => [e.id, e]));
const fp = (id: string) => {
  const event = corpus.get(id);
  if (!event) throw new Error(`no corpus event ${id}`);
  return fingerprintCorpusEvent(event).fingerprint;
};
const same = (...ids: string[]) => expect(new Set(ids.map(fp)).size, ids.join(" / ")).toBe(1);
const apart = (a: string, b: string) => expect(fp(a), `${a} vs ${b}`).not.toBe(fp(b));

describe("browsers", () => {
  it("Chrome, Firefox and Safari trace syntax, async markers and message wording", () => same("br-cart-chrome", "br-cart-firefox", "br-cart-safari"));
  it("an @sentry/browser event of the same error", () => same("br-cart-chrome", "br-cart-sentry"));
  it("bundle and chunk content hashes, CDN origins", () => same("br-cart-chrome", "br-cart-firefox")); // index-BVHUl9xT vs index-C-q_oDg2 on another origin
  it("minified names that change between builds fall back to the message", () => same("br-min-chrome", "br-min-chrome-next-build", "br-min-safari"));
  it("engine wording of common TypeErrors without frames", () => {
    same("br-fetch-chrome", "br-fetch-firefox", "br-fetch-safari");
    same("br-null-listener", "br-null-listener-safari");
    same("br-gtag-chrome", "br-gtag-safari");
  });
  it("recursion depth and Firefox's InternalError for RangeError", () => same("br-rec-chrome", "br-rec-firefox"));
  it("never merges: same message from another function, same function in another file, another minified error", () => {
    apart("br-cart-chrome", "br-invoice-same-message");
    apart("br-cart-chrome", "br-same-fn-other-file");
    apart("br-min-chrome", "br-min-other-error");
    apart("br-fetch-chrome", "br-null-listener");
  });
});

describe("JVM", () => {
  it("helpful NullPointerException messages vs the empty message of older JDKs", () => same("j-npe-1", "j-npe-2", "j-npe-3"));
  it("CGLIB / ByteBuddy / JDK proxies and GeneratedMethodAccessor vs DirectMethodHandleAccessor", () => {
    same("j-npe-1", "j-npe-2");
    same("j-save-order", "j-save-order-2");
    same("j-npe-other-method", "j-npe-refund-2");
  });
  it("lambda numbering and $$Lambda frames", () => same("j-state-1", "j-state-2"));
  it('"... N more" / "common frames omitted" vs causes printed in full, and Suppressed sections', () => same("j-chain-1", "j-chain-2", "j-chain-3"));
  it("Kotlin coroutines: resumed continuations, stack-trace recovery copies, dispatcher versions", () => {
    same("k-user-1", "k-user-2", "k-user-3", "k-user-4");
    same("k-cancel-1", "k-cancel-2");
  });
  it("never merges: another raise site, another cause, same method name in another class, same message with another type", () => {
    apart("j-npe-1", "j-npe-other-method");
    apart("j-chain-1", "j-chain-other-cause");
    apart("j-save-order", "j-save-user");
    apart("j-state-1", "j-arg-same-message");
    apart("j-state-1", "j-state-other-site");
    apart("k-user-1", "k-settings-missing");
  });
  it("a cause chain with a cycle: [CIRCULAR REFERENCE: …] under a cause or a suppressed exception, sentry-java's chain", () => {
    same("j-circ-1", "j-circ-2", "j-circ-sentry");
    apart("j-circ-1", "j-circ-other-cause");
  });
});

describe("Go", () => {
  it("-trimpath module paths vs CI checkout and GOPATH paths, goroutine ids, pointers, +0x offsets", () => same("go-nil-1", "go-nil-2", "go-nil-4"));
  it("extra frames from a recovered re-panic", () => {
    same("go-nil-1", "go-nil-3");
    same("go-nil-getorder", "go-nil-getorder-2");
  });
  it("generic instantiations and closure numbering", () => {
    same("go-index-1", "go-index-2");
    same("go-worker-1", "go-worker-2");
  });
  it("the function that started the goroutine (\"created by\") is not part of its call path", () => same("go-spawn-1", "go-spawn-2"));
  it("%w wrapping: the chain from sentry-go groups by raise site and wrapped error type", () => same("go-wrap-sentry-1", "go-wrap-sentry-2"));
  it("never merges: another function, same function name in another package, another wrapped error", () => {
    apart("go-nil-1", "go-nil-getorder");
    apart("go-index-1", "go-index-header");
    apart("go-handle-pkg-a", "go-handle-pkg-b");
    apart("go-wrap-sentry-1", "go-wrap-sentry-parse");
  });
  it("race detector: which access found the race, goroutine ids, addresses, creation stacks, paths, Go versions", () => {
    same("go-race-counter-1", "go-race-counter-2");
    same("go-race-counter-test", "go-race-counter-test-2");
    same("go-race-cache-1", "go-race-cache-2");
  });
  it("race detector never merges: the same write racing with another function, another race, another call path", () => {
    apart("go-race-counter-1", "go-race-counter-reset");
    apart("go-race-counter-1", "go-race-cache-1");
    apart("go-race-counter-1", "go-race-counter-test");
  });
  it("panics in one function: goroutine ids, pointers, quoted values and release directories in the message; which map operation caught the race", () => {
    same("go-bus-nilmap-1", "go-bus-nilmap-2");
    same("go-bus-closed-1", "go-bus-closed-2");
    same("go-bus-topic-1", "go-bus-topic-2");
    same("go-cache-race-1", "go-cache-race-2");
    same("go-must-config-1", "go-must-config-2");
    same("go-sentry-plain-nilmap", "go-sentry-plain-nilmap-2");
  });
  it("panics in one function never merge: the runtime's unprefixed panics, an app's panic, a fatal error, panic(err) values, sentry-go's runtime.plainError", () => {
    apart("go-bus-nilmap-1", "go-bus-closed-1");
    apart("go-bus-nilmap-1", "go-bus-topic-1");
    apart("go-bus-closed-1", "go-bus-topic-1");
    apart("go-cache-race-1", "go-cache-nilmap");
    apart("go-must-config-1", "go-must-db");
    apart("go-sentry-plain-nilmap", "go-sentry-plain-closed");
  });
});

describe("Ruby", () => {
  it("Ruby 3.4 'Class#method' backtraces vs older `method'", () => same("rb-nil-1", "rb-nil-2", "rb-nil-3"));
  it("Rails backtrace cleaner and gem versions (framework depth)", () => same("rb-nil-1", "rb-nil-3"));
  it("Sidekiq depth and versions", () => same("rb-job-1", "rb-job-2", "rb-job-3"));
  it("causes printed after the exception", () => same("rb-cause-1", "rb-cause-2"));
  it("never merges: another method, same method in another module, another job, another cause", () => {
    apart("rb-nil-1", "rb-nil-display");
    apart("rb-nil-1", "rb-nil-admin");
    apart("rb-job-1", "rb-job-other");
    apart("rb-cause-1", "rb-cause-other");
  });
});

describe(".NET", () => {
  it("builds without PDBs (no file/line) and middleware depth", () => same("cs-order-1", "cs-order-2"));
  it("async state machines, .NET Framework vs .NET Core, single-line inner exceptions", () => same("cs-order-1", "cs-order-3"));
  it("closure classes and lambda numbering, SDK nested-type names", () => same("cs-null-1", "cs-null-2", "cs-null-sentry"));
  it("never merges: another inner exception, another method", () => {
    apart("cs-order-1", "cs-order-inner-other");
    apart("cs-null-1", "cs-null-other-method");
  });
});

describe("TypeScript / Node", () => {
  it("source-mapped src/*.ts vs compiled dist/*.js, tslib helpers, ESM file URLs", () => same("n-order-1", "n-order-2", "n-order-3", "n-order-4"));
  it("Next.js server chunk ids", () => same("n-next-1", "n-next-2", "n-next-3"));
  it("recursion depth and runtime-internal frames", () => same("n-rec-1", "n-rec-2"));
  it("causes as util.inspect prints them vs the native exceptions array", () => same("n-cause-1", "n-cause-2"));
  it("never merges: another function, another page, another cause", () => {
    apart("n-order-1", "n-refund-same-prop");
    apart("n-next-1", "n-next-user");
    apart("n-cause-1", "n-cause-other");
  });
  it("an HTTP client's error from its own code: axios and Node versions; an upstream's 500 or 503", () => {
    same("n-axios-404-1", "n-axios-404-2");
    same("n-axios-500", "n-axios-503");
  });
  it("an HTTP client's error from its own code never merges across status codes: 404, 401, 5xx", () => {
    apart("n-axios-404-1", "n-axios-401");
    apart("n-axios-404-1", "n-axios-500");
    apart("n-axios-401", "n-axios-500");
  });
});

describe("Python and PHP", () => {
  it("Python versions (carets, inlined comprehensions), site-packages locations, framework depth, SDK events", () => same("py-key-1", "py-key-2", "py-key-3"));
  it("chained exceptions (from e / During handling) across hosts and SDK events", () => {
    same("py-chain-1", "py-chain-2", "py-chain-sentry");
    same("py-context-1", "py-context-2");
  });
  it("Laravel depth, PHP 8.4 closure names, release directories, Next chains", () => {
    same("php-pay-1", "php-pay-2");
    same("php-db-1", "php-db-2");
  });
  it("message-only events group by parameterised message", () => same("py-msg-1", "py-msg-2"));
  it("never merges: another function, same message with another type, another cause, another message", () => {
    apart("py-key-1", "py-key-other-fn");
    apart("py-key-1", "py-value-same-place");
    apart("py-chain-1", "py-chain-other-cause");
    apart("py-msg-1", "py-msg-other");
    apart("php-pay-1", "php-pay-refund");
    apart("php-db-1", "php-db-auth");
  });
  it("a script right where the app is installed: /app, /srv, a home, /opt/<service>, a release or current, /var/www/html", () => {
    same("py-root-app", "py-root-srv", "py-root-home", "py-root-opt", "py-root-release", "py-root-current", "py-root-varwww");
    apart("py-root-app", "py-root-in-package");
    apart("py-pkg-orders-views", "py-pkg-users-views");
    same("rb-root-app", "rb-root-home");
    apart("rb-root-app", "rb-root-in-folder");
  });
  it("Xdebug stacks: log lines vs the Call Stack table, the error log's prefix, arguments, closures' paths, deploy roots", () => {
    same("xd-1", "xd-2", "xd-3");
    same("xd-closure-1", "xd-closure-2");
    same("xd-uncaught-1", "xd-uncaught-2");
  });
  it("Xdebug stacks never merge: the same warning in another method, another closure", () => {
    apart("xd-1", "xd-tax");
    apart("xd-closure-1", "xd-closure-other");
  });
});

describe("Rust", () => {
  it("toolchains, registry paths, ::h<hash> suffixes and addresses, short vs full backtraces", () => same("rs-user-1", "rs-user-2", "rs-user-3"));
  it("another runtime flavour running the same code (current_thread on main vs a tokio worker)", () => same("rs-user-1", "rs-user-4"));
  it("the C main shim of a full backtrace, std trait impls on primitives", () => {
    same("rs-port-1", "rs-port-2", "rs-port-3");
    same("rs-csv-1", "rs-csv-2", "rs-csv-3");
  });
  it("never merges: unwrap in another function, another error type on one path", () => {
    apart("rs-user-1", "rs-order-1");
    apart("rs-cfg-io-1", "rs-cfg-toml-1");
  });
  it("panics in one function: the Err value's fields, line numbers", () => {
    same("rs-invoice-unwrap-1", "rs-invoice-unwrap-2");
    same("rs-invoice-overflow-1", "rs-invoice-overflow-2");
    same("rs-invoice-rates-1", "rs-invoice-rates-2");
  });
  it("panics in one function never merge: an unwrap on Err, an overflow, an expect on another Err", () => {
    apart("rs-invoice-unwrap-1", "rs-invoice-overflow-1");
    apart("rs-invoice-unwrap-1", "rs-invoice-rates-1");
    apart("rs-invoice-overflow-1", "rs-invoice-rates-1");
  });
});

describe("Elixir", () => {
  it("app, dependency and OTP versions; Phoenix's overridable endpoint copies; Oban vs IEx entry points", () => {
    same("ex-user-1", "ex-user-2", "ex-user-3");
    same("ex-import-1", "ex-import-2", "ex-import-3", "ex-import-4");
    same("ex-sync-1", "ex-sync-2", "ex-sync-3");
  });
  it("never merges: another controller, another error in the same function", () => {
    apart("ex-user-1", "ex-order-1");
    apart("ex-import-1", "ex-import-qty");
  });
});

describe("Dart and Flutter", () => {
  it("Flutter versions, file:/// vs package: paths, asynchronous suspensions", () => {
    same("dart-user-1", "dart-user-2", "dart-user-3");
    same("dart-profile-1", "dart-profile-2", "dart-profile-3");
    same("dart-port-1", "dart-port-2", "dart-port-3");
  });
  it("never merges: another repository, another error in the same build method", () => {
    apart("dart-user-1", "dart-order-1");
    apart("dart-profile-1", "dart-profile-badges");
  });
});

describe("native", () => {
  it("gdb vs lldb, core-file stops restated by bt, ASLR addresses, argument values, glibc versions", () => {
    same("nat-parser-1", "nat-parser-2", "nat-parser-3", "nat-parser-4");
    same("nat-cfg-1", "nat-cfg-2", "nat-cfg-3");
  });
  it("Apple crash reports: load addresses, report layouts, +offsets", () => {
    same("coc-profile-1", "coc-profile-2");
    same("coc-feed-1", "coc-feed-2");
  });
  it("never merges: the same std::out_of_range from another class, another signal in the same function", () => {
    apart("nat-parser-1", "nat-lexer-1");
    apart("nat-cfg-1", "nat-cfg-assert");
  });
  it("gdb's thread apply all bt: the crashed thread wherever printed, thread and LWP ids, a crash handler's frames", () => {
    same("gdb-abort-1", "gdb-abort-2");
    same("gdb-segv-core-1", "gdb-segv-handler-1", "gdb-segv-live-1");
  });
  it("Swift's result types (lldb and the backtracer), Kotlin/Native with and without debug locations, ThreadSanitizer's access order", () => {
    same("sw-ret-lldb", "sw-ret-backtracer");
    same("kn-load-macos", "kn-load-linux");
    same("tsan-counter-1", "tsan-counter-2");
  });
  it("never merges: another Swift function with the same result type, another Kotlin/Native function, another race", () => {
    apart("sw-ret-lldb", "sw-ret-other");
    apart("kn-load-macos", "kn-save-other");
    apart("tsan-counter-1", "tsan-counter-reset");
  });
  it("gdb's thread apply all bt never merges: another thread's crash in the same process, the main thread's", () => {
    apart("gdb-abort-1", "gdb-segv-core-1");
    apart("gdb-segv-core-1", "gdb-main-config");
    apart("gdb-abort-1", "gdb-main-config");
  });
});

describe("audit of real formats (the au-* traces)", () => {
  it("log lines' per-line prefixes: journald short-iso and short-precise, Heroku, kubectl --timestamps and --prefix", () => {
    same("au-py-log-plain", "au-py-log-journald-iso", "au-py-log-journald-precise", "au-py-log-heroku", "au-py-log-kubectl", "au-py-log-kubectl-prefix");
    apart("au-py-log-journald-iso", "au-py-log-other");
  });
  it("release directories above a root-level script (Python, Ruby)", () => {
    same("au-py-release-1", "au-py-release-2");
    same("au-rb-release-1", "au-rb-release-2");
  });
  it("a compiled Rails view's source hash and object id, Ruby 3.4's quoting", () => {
    same("au-rb-erb-1", "au-rb-erb-2");
    apart("au-rb-erb-1", "au-rb-erb-other");
  });
  it("a header printed by a logger (Sidekiq) or a banner (Elixir, Erlang) types a placeholder-typed event", () => {
    same("au-rb-sidekiq-log", "au-rb-sidekiq-typed");
    apart("au-rb-sidekiq-log", "au-rb-sidekiq-other-type");
    same("au-ex-banner-1", "au-ex-banner-typed");
    apart("au-ex-banner-1", "au-ex-banner-other-type");
  });
  it("compiler-numbered closures: Kotlin 1.x/2.x lambdas, Scala $anonfun, .NET top-level statements, Erlang funs, Swift closures", () => {
    same("au-kt-lambda-1", "au-kt-lambda-2", "au-kt-lambda-1x");
    apart("au-kt-lambda-1", "au-kt-lambda-other");
    same("au-scala-anonfun-1", "au-scala-anonfun-2");
    same("au-cs-minimal-1", "au-cs-minimal-2");
    same("au-erl-fun-1", "au-erl-fun-2");
    same("au-sw-vapor-1", "au-sw-vapor-2");
  });
  it("PHP 8.3 and 8.4 closure names in text traces; a Blade view compiled under another release directory", () => {
    same("au-php-closure-83", "au-php-closure-84");
    apart("au-php-closure-84", "au-php-closure-84-other");
    same("au-php-blade-1", "au-php-blade-2");
  });
  it("a Next.js _app chunk across builds", () => {
    same("au-br-next-app-1", "au-br-next-app-2");
    apart("au-br-next-app-1", "au-br-next-doc");
  });
  it("native: the crashed thread, not the first printed; GCC's [clone .cold] copies", () => {
    same("au-coc-bg-crash", "au-coc-bg-lldb");
    apart("au-coc-bg-crash", "au-coc-main-crash");
    same("au-cpp-clone-release", "au-cpp-clone-debug");
  });
  it("Mono's frames with a module version id for a file (Unity players, Xamarin)", () => {
    same("au-mono-1", "au-mono-2");
    apart("au-mono-1", "au-mono-other");
  });
  it("Android tombstones across installs (per-install /data/app directories), from a file and from logcat", () => {
    same("au-tomb-1", "au-tomb-2");
    apart("au-tomb-1", "au-tomb-other");
  });
  it("faulthandler's dump of a segfault", () => {
    same("au-py-segv-1", "au-py-segv-2");
    apart("au-py-segv-1", "au-py-segv-other");
  });
});

describe("headers read through what a log printed before them", () => {
  it("Node: a log call's words, a logger's level, Node ≤ 14's warning before the error", () => {
    same("n-prefixed-invoice-1", "n-prefixed-invoice-2", "n-prefixed-invoice-3");
    apart("n-prefixed-invoice-1", "n-prefixed-invoice-ref");
  });
  it("Go: net/http's logged panic, keyed by its runtime error", () => {
    same("go-http-bounds-1", "go-http-bounds-2");
    apart("go-http-bounds-1", "go-http-nil");
  });
});
