import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { innermostFirstLines } from "@/lib/ingest/stacktrace/limits";
import { isDigits, pathFields } from "@/lib/ingest/stacktrace/location";

/**
 * Elixir stacktraces (Exception.format_stacktrace: Logger, IEx, mix), innermost first:
 *   ** (RuntimeError) boom
 *       (my_app 0.1.0) lib/my_app/worker.ex:12: MyApp.Worker.run/1
 *       (elixir 1.15.7) lib/enum.ex:1693: anonymous fn/2 in Enum.map/2
 *       (stdlib 5.1.1) gen_server.erl:1077: :gen_server.try_handle_call/4
 *       lib/my_app.ex:5: MyApp.start/0
 *       (stdlib 5.1.1) :proc_lib.init_p_do_apply/3
 * The OTP application in parentheses is not kept on the frame, so it is used here: frames of
 * Elixir/OTP and common dependency applications are marked as library code.
 * Erlang's shell and crash reports print their frames as
 *   ** exception error: bad argument
 *        in function  ets:lookup/2
 *        in call from shop_cache:get/1 (src/shop_cache.erl, line 14)
 */
export function parseElixir(text: string): Frame[] | null {
  return innermostFirstLines(text, parseFrameLine);
}

/** "(app 1.2.3) " — the application and its version. */
const APP_PREFIX = /^\((\w+) [\w.+-]+\) /;
/** "Mod.fun/2", ":erl_mod.fun/2", "anonymous fn/2 in Mod.fun/1", 'Enum."-map/2-lists^map/1-0-"/2'. */
const MFA = /^(?:anonymous fn\/\d+ in )?(?:(?::?[\w.]+|:"[^"]+")\.)(?:[\w!?]+|"[^"]+")\/\d+$/;

/** "in function  mod:fun/1 (src/mod.erl, line 22)", "in call from mod:'-fun/1-fun-0-'/2" (quoted atoms). */
const ERLANG_FRAME = /^in (?:function|call from) {1,4}([a-z][\w@]*|'[^']{1,255}'):([a-z][\w@]*|'[^']{1,255}')\/(\d{1,3})(?: \(([^()]{1,2048}), line (\d{1,9})\))?$/;

function parseFrameLine(line: string): Frame | null {
  const erlang = ERLANG_FRAME.exec(line);
  if (erlang) {
    const [, mod, fn, arity, path, lineno] = erlang;
    const library = OTP_MODULES.has(mod) || (path !== undefined && /(?:^|\/)lib\/erlang\/lib\//.test(path));
    return { module: mod, function: `${fn}/${arity}`, ...(path ? pathFields(path) : {}), ...(lineno ? { lineno: Number(lineno) } : {}), ...(library ? { inApp: false } : {}) };
  }
  const app = APP_PREFIX.exec(line);
  const rest = app ? line.slice(app[0].length) : line;
  const sep = rest.indexOf(": ");
  let path: string | undefined;
  let lineno: number | undefined;
  let call = rest;
  if (sep > 0) {
    const location = rest.slice(0, sep);
    const colon = location.lastIndexOf(":");
    if (colon > 0 && isDigits(location.slice(colon + 1)) && !/\s/.test(location)) {
      path = location.slice(0, colon);
      lineno = Number(location.slice(colon + 1));
      call = rest.slice(sep + 2);
    } else if (location === "nofile" || /^[\w./-]+\.(?:ex|exs|erl)$/.test(location)) {
      path = location === "nofile" ? undefined : location;
      call = rest.slice(sep + 2);
    } else {
      return null;
    }
  } else if (!app) {
    return null; // a bare "Mod.fun/1" line is too weak a signal without the application or a location
  }
  if (!MFA.test(call)) return null;
  const { module, function: fn } = splitElixirCall(call);
  const library = app ? LIBRARY_APPS.has(app[1]) : path !== undefined && /(?:^|\/)deps\//.test(path);
  return { function: fn, ...(module ? { module } : {}), ...(path ? pathFields(path) : {}), ...(lineno !== undefined ? { lineno } : {}), ...(library ? { inApp: false } : {}) };
}

/** "anonymous fn/2 in MyApp.Worker.run/1" → module "MyApp.Worker", function "anonymous fn/2 in run/1". */
export function splitElixirCall(call: string): { module?: string; function: string } {
  const inPrefix = /^anonymous fn\/\d+ in /.exec(call)?.[0] ?? "";
  const mfa = call.slice(inPrefix.length);
  const quoted = mfa.endsWith('"') || /"\/\d+$/.test(mfa);
  const dot = quoted ? mfa.lastIndexOf('."') : mfa.lastIndexOf(".", mfa.lastIndexOf("/"));
  if (dot <= 0) return { function: call };
  return { module: mfa.slice(0, dot), function: `${inPrefix}${mfa.slice(dot + 1)}` };
}

/** Erlang/OTP's own modules (stdlib, kernel, erts): never the application's code. */
const OTP_MODULES = new Set(
  (
    "erlang ets dets lists maps proplists dict orddict sets ordsets gb_trees gb_sets queue array string binary unicode re io io_lib file filename " +
    "gen gen_server gen_statem gen_event supervisor supervisor_bridge proc_lib application application_master code erl_eval shell timer " +
    "calendar rpc erpc global pg inet gen_tcp gen_udp ssl httpc mnesia logger error_logger sys persistent_term atomics counters math rand crypto"
  ).split(" "),
);

/** Elixir, Erlang/OTP and common dependency applications: never the application's own code. */
const LIBRARY_APPS = new Set(
  (
    "elixir stdlib kernel erts compiler logger iex mix eex ex_unit crypto ssl public_key inets asn1 mnesia runtime_tools sasl os_mon " +
    "phoenix phoenix_live_view phoenix_html phoenix_pubsub phoenix_ecto plug plug_cowboy plug_crypto cowboy cowlib ranch bandit thousand_island " +
    "ecto ecto_sql postgrex myxql db_connection telemetry jason poison oban absinthe broadway finch mint tesla hackney httpoison req gen_stage " +
    "sentry swoosh gettext floki nimble_pool castore websock websock_adapter"
  ).split(" "),
);
