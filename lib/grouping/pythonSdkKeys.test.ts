import { describe, expect, it } from "vitest";
import { fingerprintCorpusEvent } from "@/lib/grouping/corpus/fingerprintCorpusEvent";
import { groupEvent } from "@/lib/grouping/groupEvent";

/** A Sentry event as the SDK posts it, through the same path as ingest (mapping, validation, preparation). */
const keyOf = (event: Record<string, unknown>) =>
  fingerprintCorpusEvent({ id: "t", bug: "t", platform: String(event.platform), format: "sentry", type: "", message: "", body: JSON.stringify(event), runtime: "t" });

type SentryFrame = Record<string, unknown>;
const exceptionEvent = (platform: string, sdk: string, type: string, value: string, frames: SentryFrame[], mechanism = "generic") => ({
  event_id: "a1b2c3d4e5f60718293a4b5c6d7e8f90",
  platform,
  level: "error",
  timestamp: 1767225600,
  sdk: { name: sdk, version: "2.20.0" },
  exception: { values: [{ type, value, mechanism: { type: mechanism, handled: false }, stacktrace: { frames } }] },
});

const SITE = "/usr/local/lib/python3.12/site-packages";
/** A sentry-python frame: module and file from the module path, under `base`. */
const py = (module: string, fn: string, lineno: number, inApp: boolean | undefined, base = "/app", contextLine?: string): SentryFrame => ({
  filename: `${module.replaceAll(".", "/")}.py`,
  abs_path: `${base}/${module.replaceAll(".", "/")}.py`,
  module,
  function: fn,
  lineno,
  ...(contextLine !== undefined && { context_line: contextLine, pre_context: ["    def post(self, request, pk):", "        order = self.get_object()"], post_context: [""] }),
  ...(inApp !== undefined && { in_app: inApp }),
});
const django = [py("django.core.handlers.exception", "inner", 55, false, SITE), py("django.core.handlers.base", "_get_response", 197, false, SITE), py("django.views.generic.base", "view", 104, false, SITE), py("django.views.generic.base", "dispatch", 143, false, SITE)];

describe("sentry-python: different bugs stay apart", () => {
  it("Django class-based views: two classes' post() in one module are two issues (qualified names, Python 3.11+)", () => {
    const order = keyOf(exceptionEvent("python", "sentry.python.django", "PermissionDenied", "order belongs to another customer", [...django, py("shop.views", "OrderView.post", 31, true)], "django"));
    const refund = keyOf(exceptionEvent("python", "sentry.python.django", "PermissionDenied", "refunds are disabled for gift cards", [...django, py("shop.views", "RefundView.post", 88, true)], "django"));
    const orderAgain = keyOf(exceptionEvent("python", "sentry.python.django", "PermissionDenied", "order belongs to another customer", [...django, py("shop.views", "OrderView.post", 33, true)], "django"));
    expect(order.fingerprint).not.toBe(refund.fingerprint);
    expect(orderAgain.fingerprint).toBe(order.fingerprint);
  });

  it("standalone scripts: frames of module __main__ are keyed by their file", () => {
    const script = (file: string, value: string, lineno: number) =>
      exceptionEvent("python", "sentry.python", "ValueError", value, [
        { filename: file, abs_path: `/opt/jobs/${file}`, module: "__main__", function: "<module>", lineno: 40, in_app: true },
        { filename: file, abs_path: `/opt/jobs/${file}`, module: "__main__", function: "main", lineno, in_app: true },
      ], "excepthook");
    const imports = keyOf(script("import_users.py", "bad row 17", 12));
    const invoices = keyOf(script("send_invoices.py", "SMTP host not configured", 12));
    expect(imports.fingerprint).not.toBe(invoices.fingerprint);
    expect(keyOf(script("import_users.py", "bad row 912", 14)).fingerprint).toBe(imports.fingerprint);
  });

  it("one function, two raising lines: keyed by the line the SDK sent (context_line), whatever its indentation", () => {
    const profile = (lineno: number, line: string, value: string) =>
      keyOf(exceptionEvent("python", "sentry.python.flask", "KeyError", value, [py("app.routes", "dispatch", 5, true, "/srv/app", "    return view(request)"), py("app.views", "update_profile", lineno, true, "/srv/app", line)], "flask"));
    const userId = profile(10, "    user_id = data['user_id']", "'user_id'");
    const email = profile(24, "    email = data['email'].lower()", "'email'");
    expect(userId.fingerprint).not.toBe(email.fingerprint);
    // Lines moved, the block re-indented, the caller's line edited: the same bug.
    expect(profile(14, "        user_id = data['user_id']", "'user_id'").fingerprint).toBe(userId.fingerprint);
    expect(profile(14, "\tuser_id  =  data['user_id']", "'user_id'").fingerprint).toBe(userId.fingerprint);
  });

  it("without context lines (source not readable) the frames are keyed as before, and the key does not depend on lines", () => {
    const bare = (lineno: number) => keyOf(exceptionEvent("python", "sentry.python", "KeyError", "'x'", [py("app.routes", "dispatch", 5, true), py("app.views", "update_profile", lineno, true)])).fingerprint;
    expect(bare(10)).toBe(bare(24));
  });
});

describe("sentry-python: in_app_include for an app installed into site-packages", () => {
  const event = (site: string, fn: string, lineno: number, request: string) =>
    exceptionEvent("python", "sentry.python.django", "CardError", `Your card was declined (${request})`, [
      py("django.core.handlers.exception", "inner", 55, false, SITE),
      py("shop.views", "checkout", 40, true, site),
      py(`shop.${fn.split(".")[0]}`, fn.split(".")[1], lineno, true, site),
      py("stripe.api_requestor", "request", 120, false, site),
    ]);

  it("honours in_app=true under site-packages: the same bug is one issue whatever the message, another bug another", () => {
    const charge = keyOf(event(SITE, "billing.charge", 12, "req_8hQx1"));
    expect(keyOf(event(SITE, "billing.charge", 14, "req_Zk93p")).fingerprint).toBe(charge.fingerprint);
    expect(keyOf(event(SITE, "inventory.reserve", 77, "req_q1")).fingerprint).not.toBe(charge.fingerprint);
    // Installed or run from /srv/app: the same keys.
    expect(keyOf(event("/srv/app", "billing.charge", 12, "req_8hQx1")).fingerprint).toBe(charge.fingerprint);
    expect(keyOf(event("/usr/lib/python3/dist-packages", "billing.charge", 12, "req_8hQx1")).fingerprint).toBe(charge.fingerprint);
  });

  it("still takes the standard library for library code when the project root ('/') made it in-app", () => {
    const withStdlib = (value: string) =>
      keyOf(exceptionEvent("python", "sentry.python", "JSONDecodeError", value, [
        py("app.sync", "pull", 30, true),
        { filename: "json/decoder.py", abs_path: "/usr/local/lib/python3.12/json/decoder.py", module: "json.decoder", function: "JSONDecoder.raw_decode", lineno: 355, in_app: true },
      ])).fingerprint;
    expect(withStdlib("Expecting value: line 1 column 1 (char 0)")).toBe(withStdlib("Expecting value: line 3 column 9 (char 41)"));
  });

  it("a Python text trace's frames in site-packages stay library code (no client said otherwise)", () => {
    const trace = (fn: string) =>
      `Traceback (most recent call last):\n  File "${SITE}/django/core/handlers/exception.py", line 55, in inner\n    response = get_response(request)\n  File "${SITE}/shop/billing.py", line 12, in ${fn}\n    raise CardError(msg)\nshop.errors.CardError: declined`;
    const grouped = groupEvent({ type: "CardError", message: "declined", stackTrace: trace("charge"), platform: "python" });
    expect(grouped.culprit).toBeUndefined();
    expect(grouped.exceptions[0].frames.every((f) => f.inApp === false)).toBe(true);
  });
});
