import { describe, expect, it } from "vitest";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { compileSensitiveFields, redactSensitiveFields, SensitiveFieldsSchema } from "@/lib/ingest/sensitiveFields";

const fields = compileSensitiveFields(["iban", "x-tenant-secret", "diagnosis"])!;

describe("a project's additional sensitive fields", () => {
  it("hides values under keys containing a field, ignoring case and separators, at any depth", () => {
    const event = IngestEventSchema.parse({
      type: "PayoutError",
      message: "payout refused",
      tags: { customerIban: "DE89370400440532013000", region: "eu" },
      context: {
        request: { headers: { "X-Tenant-Secret": "t0p", Accept: "json" }, cookies: [["x_tenant_secret", "c00kie"], ["theme", "dark"]] },
        patient: { Diagnosis: { code: "J45" }, ward: 3, diagnosisNote: "", diagnosis_extra: null },
      },
      metadata: { accounts: [{ IBAN: "GB33BUKB20201555555555", owner: "x" }] },
    });
    const out = redactSensitiveFields(event, fields);
    expect(out.tags).toEqual({ customerIban: "[Filtered]", region: "eu" });
    expect(out.context).toEqual({
      request: { headers: { "X-Tenant-Secret": "[Filtered]", Accept: "json" }, cookies: [["x_tenant_secret", "[Filtered]"], ["theme", "dark"]] },
      patient: { Diagnosis: "[Filtered]", ward: 3, diagnosisNote: "", diagnosis_extra: null },
    });
    expect(out.metadata).toEqual({ accounts: [{ IBAN: "[Filtered]", owner: "x" }] });
    expect(event.tags?.customerIban).toBe("DE89370400440532013000");
  });

  it("hides name=value and JSON pairs in the message, traces, exceptions and frame variables", () => {
    const event = IngestEventSchema.parse({
      type: "PayoutError",
      message: 'payout to iban=DE89370400440532013000 refused; body {"diagnosis": "J45", "ok": 1}',
      stackTrace: "PayoutError: payout refused for source_iban: GB33BUKB20201555555555\n    at pay (/srv/app/pay.js:3:9)",
      exceptions: [{ type: "PayoutError", message: "x" }, { type: "BankError", message: "bank said IBAN = GB33BUKB20201555555555", relation: "cause", stackTrace: [{ function: "f", vars: { iban: "GB33" } }] }],
    });
    const out = redactSensitiveFields(event, fields);
    expect(out.message).toBe('payout to iban=[Filtered] refused; body {"diagnosis": "[Filtered]", "ok": 1}');
    expect(out.stackTrace).toBe("PayoutError: payout refused for source_iban: [Filtered]\n    at pay (/srv/app/pay.js:3:9)");
    expect(out.exceptions?.[1]).toMatchObject({ message: "bank said IBAN = [Filtered]", stackTrace: [{ function: "f", vars: { iban: "[Filtered]" } }] });
  });

  it("finds a pair after pairs that are not sensitive, and names that differ only in separators", () => {
    expect(fields.redactText("q=a=iban=DE89&x=1")).toBe("q=a=iban=[Filtered]&x=1");
    expect(fields.redactText("x_tenant_secret: s3cr3t, X.Tenant.Secret='s4'")).toBe("x_tenant_secret: [Filtered], X.Tenant.Secret='[Filtered]'");
    expect(fields.redactText("iban = ; iban")).toBe("iban = ; iban");
    expect(fields.redactText("libanon=1")).toBe("libanon=[Filtered]");
    // Text the built-in scrubbing went through already (feedback, attachments): its "[Filtered]" stays as it is.
    expect(fields.redactText("x_tenant_secret: [Filtered], iban=[Filtered] and iban=DE89")).toBe("x_tenant_secret: [Filtered], iban=[Filtered] and iban=[Filtered]");
  });

  it("reads two strings whose first merely mentions a field as text, not as a [name, value] pair", () => {
    const out = redactSensitiveFields({ type: "E", message: "", context: { kv: ["iban=DE89PAIR", "x"], argv: ["--iban", "DE89ARGV"], header: ["X-Tenant-Secret", "t0p"] } }, fields);
    expect(out.context).toEqual({ kv: ["iban=[Filtered]", "x"], argv: ["--iban", "[Filtered]"], header: ["X-Tenant-Secret", "[Filtered]"] });
  });

  it("hides Ruby, PHP and Perl `name => value` pairs, keeping the arrow", () => {
    expect(fields.redactText(`{"email"=>"bob@x.com", "iban"=>"DE89RUBY"}`)).toBe(`{"email"=>"bob@x.com", "iban"=>"[Filtered]"}`);
    expect(fields.redactText(`{"iban" => "DE89RUBY34", :diagnosis=>"J45"}`)).toBe(`{"iban" => "[Filtered]", :diagnosis=>"[Filtered]"}`);
    expect(fields.redactText(`array ( 'iban' => 'DE89PHP', 'id' => 3 )`)).toBe(`array ( 'iban' => '[Filtered]', 'id' => 3 )`);
    expect(fields.redactText(`Array\n(\n    [iban] => DE89PRINTR\n    [id] => 3\n)`)).toBe(`Array\n(\n    [iban] => [Filtered]\n    [id] => 3\n)`);
    expect(fields.redactText(`{ iban => 'DE89PERL' }`)).toBe(`{ iban => '[Filtered]' }`);
    expect(fields.redactText(`iban：DE89WIDE`)).toBe(`iban：[Filtered]`);
  });

  it("cuts what lies deeper than it reads instead of keeping it unredacted", () => {
    let deep: Record<string, unknown> = { iban: "DE89DEEP" };
    for (let i = 0; i < 60; i++) deep = { n: deep };
    const out = JSON.stringify(redactSensitiveFields({ type: "E", message: "", context: deep }, fields).context);
    expect(out).not.toContain("DE89DEEP");
    expect(out).toContain("[Truncated]");
  });

  it("keeps a key named __proto__ as data, and the fingerprint of redacted events stable", () => {
    const out = redactSensitiveFields({ type: "E", message: "", context: JSON.parse('{"__proto__": {"iban": "x"}}') }, fields);
    expect(Object.getPrototypeOf(out.context)).toBe(Object.prototype);
    expect(JSON.stringify(out.context)).toBe('{"__proto__":{"iban":"[Filtered]"}}');
    const prepared = (iban: string) => prepareEvent(redactSensitiveFields(IngestEventSchema.parse({ type: "PayoutError", message: `refused: iban=${iban}` }), fields));
    expect(prepared("DE1").fingerprint).toBe(prepared("GB2").fingerprint);
    expect(prepared("DE1").message).toBe("refused: iban=[Filtered]");
  });

  it("validates the list: 3-64 safe characters, at most 50, duplicates dropped; an empty list does nothing", () => {
    expect(SensitiveFieldsSchema.parse(["iban", " iban ", "ssn"])).toEqual(["iban", "ssn"]);
    expect(SensitiveFieldsSchema.safeParse(["a b"]).success).toBe(false);
    expect(SensitiveFieldsSchema.safeParse(["ab"]).success).toBe(false);
    expect(SensitiveFieldsSchema.safeParse(Array.from({ length: 51 }, (_, i) => `field${i}`)).success).toBe(false);
    expect(compileSensitiveFields([])).toBeNull();
  });
});
