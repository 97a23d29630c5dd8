import { describe, expect, it } from "vitest";
import { parseRust } from "@/lib/ingest/stacktrace/parseRust";

describe("parseRust", () => {
  it("reads RUST_BACKTRACE=1 frames with their locations, outermost first", () => {
    const frames = parseRust(`thread 'main' panicked at src/main.rs:5:5:
called \`Option::unwrap()\` on a \`None\` value
stack backtrace:
   0: rust_begin_unwind
             at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/std/src/panicking.rs:665:5
   1: core::option::Option<T>::unwrap
             at /rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/core/src/option.rs:965:21
   2: app::users::load
             at ./src/users.rs:42:18
   3: <app::Handler as tower_service::Service<http::Request>>::call::{{closure}}
   4: main
note: Some details are omitted, run with \`RUST_BACKTRACE=full\` for a verbose backtrace.`);
    expect(frames).toEqual([
      { function: "main" },
      { function: "<app::Handler as tower_service::Service<http::Request>>::call::{{closure}}" },
      { function: "app::users::load", filename: "./src/users.rs", lineno: 42, colno: 18 },
      { function: "core::option::Option<T>::unwrap", filename: "/rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/core/src/option.rs", absPath: "/rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/core/src/option.rs", lineno: 965, colno: 21 },
      { function: "rust_begin_unwind", filename: "/rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/std/src/panicking.rs", absPath: "/rustc/90b35a6239c3d8bdabc530a6a0816f7ff89a0aaf/library/std/src/panicking.rs", lineno: 665, colno: 5 },
    ]);
  });

  it("reads RUST_BACKTRACE=full: addresses and symbol hashes dropped, inlined symbols kept, <unknown> skipped", () => {
    const frames = parseRust(`stack backtrace:
   0:     0x55d9c2b0c1a3 - std::backtrace_rs::backtrace::libunwind::trace::h5a5b8284f2d0c266
                               at /rustc/abc/library/std/src/../../backtrace/src/backtrace/libunwind.rs:116:5
   1:     0x55d9c2b0d2b4 - app::worker::run::h0123456789abcdef
                               at /srv/app/src/worker.rs:30:9
                           app::main::hfedcba9876543210
                               at /srv/app/src/main.rs:8:5
   2:        0x0 - <unknown>`);
    expect(frames?.map((f) => [f.function, f.lineno])).toEqual([
      ["app::main", 8],
      ["app::worker::run", 30],
      ["std::backtrace_rs::backtrace::libunwind::trace", 116],
    ]);
  });

  it("stops at a second backtrace (a panic while panicking)", () => {
    const frames = parseRust(`   0: app::outer\n             at src/a.rs:1:1\n   1: app::main\n             at src/main.rs:2:1\n   0: app::inner\n             at src/b.rs:3:1`);
    expect(frames?.map((f) => f.function)).toEqual(["app::main", "app::outer"]);
  });

  it("is not fooled by other numbered lists", () => {
    expect(parseRust("1: first step\n2: second step")).toBeNull();
    expect(parseRust("Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>")).toBeNull();
  });

  it("drops v0 crate disambiguators (Rust 1.9x RUST_BACKTRACE=full), which change with every toolchain build", () => {
    const frames = parseRust(
      [
        "thread 'main' (26247) panicked at src/main.rs:6:11:",
        "sku must exist",
        "stack backtrace:",
        "  22:     0x55d7821b8a0e - core[c1f1a4ba060b9bfa]::option::expect_failed",
        "  23:     0x55d7821b8a0e - main::Inventory::reserve",
        "                               at ./src/main.rs:6:11",
        "  28:     0x55d7821e15f4 - std[e28293b1aa0f68bd]::rt::lang_start_internal::{closure#0}",
        "  29:     0x55d7821e15f4 - <&dyn core[c1f1a4ba060b9bfa]::ops::function::Fn<(), Output = i32> as core[c1f1a4ba060b9bfa]::ops::function::FnOnce<()>>::call_once",
      ].join("\n"),
    );
    expect(frames?.map((f) => f.function).reverse()).toEqual([
      "core::option::expect_failed",
      "main::Inventory::reserve",
      "std::rt::lang_start_internal::{closure#0}",
      "<&dyn core::ops::function::Fn<(), Output = i32> as core::ops::function::FnOnce<()>>::call_once",
    ]);
  });
});
