import { describe, expect, it } from "vitest";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { resolveFingerprintVariables } from "@/lib/sentry/fingerprintVariables";
import { unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";

const frames = [
  { module: "django.core.handlers.base", function: "_get_response", inApp: false },
  { module: "shop.views", function: "checkout", filename: "shop/views.py", absPath: "/srv/shop/shop/views.py", inApp: true },
  { module: "psycopg.connection", function: "connect", inApp: false },
];

describe("resolveFingerprintVariables", () => {
  const facts = { transaction: "/checkout/{id}", exceptionType: "OperationalError", exceptionValue: "connection refused", level: "ERROR", logger: "shop.db", tags: { tenant: "acme" }, frames };

  it("fills in the event's transaction, type, value, level, logger and tags", () => {
    expect(resolveFingerprintVariables(["{{ transaction }}", "{{type}}", "{{ error.type }}", "{{ error.value }}", "{{ level }}", "{{ logger }}", "{{ tags.tenant }}"], facts)).toEqual([
      "/checkout/{id}",
      "OperationalError",
      "OperationalError",
      "connection refused",
      "error",
      "shop.db",
      "acme",
    ]);
  });

  it("fills in the message, the value and the crashing frame's file by their short and stack. names", () => {
    expect(resolveFingerprintVariables(["{{ message }}", "{{ value }}", "{{ path }}", "{{ filename }}", "{{ stack.filename }}"], { ...facts, message: "connection refused" })).toEqual([
      "connection refused",
      "connection refused",
      "/srv/shop/shop/views.py",
      "shop/views.py",
      "shop/views.py",
    ]);
    // A frame with only its absolute path names its file by the path's last segment.
    expect(resolveFingerprintVariables(["{{ stack.filename }}"], { frames: [{ absPath: "/srv/app/jobs/report.rb", inApp: true }] })).toEqual(["report.rb"]);
    expect(resolveFingerprintVariables(["{{ message }}", "{{ value }}", "{{ filename }}", "{{ path }}"], {})).toEqual(["<no-message>", "<no-value>", "<no-filename>", "<no-abs-path>"]);
  });

  it("names the crashing frame by the innermost in-app one", () => {
    expect(resolveFingerprintVariables(["{{ function }}", "{{ stack.module }}", "{{ stack.abs_path }}"], facts)).toEqual(["checkout", "shop.views", "/srv/shop/shop/views.py"]);
  });

  it("gives a native frame's package by its binary's name, not its per-install path", () => {
    const native = [{ module: "/private/var/containers/Bundle/Application/1B4C/Harbor.app/Harbor", instructionAddr: "0x104e2a1c8", inApp: true }];
    expect(resolveFingerprintVariables(["{{ package }}", "{{ module }}"], { frames: native })).toEqual(["Harbor", "<no-module>"]);
  });

  it("uses a stable placeholder for what the event lacks, and leaves {{ default }}, unknown variables and text alone", () => {
    expect(resolveFingerprintVariables(["{{ transaction }}", "{{ tags.region }}", "{{ default }}", "{{ something }}", "db-{{ transaction }}"], {})).toEqual([
      "<no-transaction>",
      "<no-value-for-tag-region>",
      "{{ default }}",
      "{{ something }}",
      "db-{{ transaction }}",
    ]);
  });
});

describe("a Sentry event's fingerprint with variables", () => {
  const event = (transaction: string, value: string) =>
    prepareEvent(
      unpackStoreEvent({
        platform: "python",
        transaction,
        fingerprint: ["{{ transaction }}", "database-unavailable"],
        exception: { values: [{ type: "OperationalError", value, stacktrace: { frames: [{ module: "shop.db", function: "connect", filename: "shop/db.py", lineno: 3, in_app: true }] } }] },
      })[0],
    );

  it("splits one custom group by transaction, as the SDK asked", () => {
    expect(event("/checkout", "refused").fingerprint).not.toBe(event("/cart", "refused").fingerprint);
  });

  it("keeps one transaction's events together whatever else differs", () => {
    expect(event("/checkout", "refused").fingerprint).toBe(event("/checkout", "timed out").fingerprint);
  });
});

describe("a Sentry event's fingerprint by its message or value", () => {
  const logged = (text: string, fingerprint: string[]) => prepareEvent(unpackStoreEvent({ platform: "python", logentry: { formatted: text }, fingerprint })[0]);
  const raised = (value: string, fingerprint: string[]) =>
    prepareEvent(unpackStoreEvent({ platform: "python", fingerprint, exception: { values: [{ type: "PaymentError", value, stacktrace: { frames: [{ module: "app", function: "pay", filename: "app.py", lineno: 3, in_app: true }] } }] } })[0]);

  it("splits logged messages by {{ message }}", () => {
    expect(logged("disk full on /var", ["{{ message }}"]).fingerprint).not.toBe(logged("user quota exceeded", ["{{ message }}"]).fingerprint);
    expect(logged("disk full on /var", ["{{ message }}"]).fingerprint).toBe(logged("disk full on /var", ["{{ message }}"]).fingerprint);
  });

  it("splits exceptions by {{ value }}, {{ error.value }} and {{ message }}", () => {
    for (const variable of ["{{ value }}", "{{ error.value }}", "{{ message }}"]) {
      expect(raised("card declined", ["{{ default }}", variable]).fingerprint).not.toBe(raised("gateway timeout", ["{{ default }}", variable]).fingerprint);
    }
  });
});
