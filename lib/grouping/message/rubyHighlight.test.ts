import { describe, expect, it } from "vitest";
import { groupEvent } from "@/lib/grouping/groupEvent";
import { withoutRubyHighlight } from "@/lib/grouping/message/rubyHighlight";

describe("withoutRubyHighlight", () => {
  it("removes error_highlight's code line and carets (Ruby 3.1–3.3 messages)", () => {
    expect(withoutRubyHighlight("undefined method `upcase' for nil:NilClass\n\ndef upcase_it(s) = s.upcase\n                    ^^^^^^^")).toBe("undefined method `upcase' for nil:NilClass");
    expect(withoutRubyHighlight("undefined method `foo' for nil:NilClass\n\n  x.foo.bar(\n   ^^^^")).toBe("undefined method `foo' for nil:NilClass");
  });

  it("keeps did_you_mean's suggestions that follow it", () => {
    expect(withoutRubyHighlight("undefined local variable or method `fooo' for main:Object\n\nbegin; fooo; rescue NameError => e; end\n       ^^^^\nDid you mean?  foo")).toBe(
      "undefined local variable or method `fooo' for main:Object\nDid you mean?  foo",
    );
  });

  it("leaves other messages alone", () => {
    for (const message of ["key not found: :b", "invalid value for Integer(): \"x\"", "line one\n\nline three", "a\n\nb\nnot carets ^^^", ""]) {
      expect(withoutRubyHighlight(message)).toBe(message);
    }
  });
});

describe("groupEvent of a Ruby event with error_highlight", () => {
  const trace = (code: string) =>
    `app/models/order.rb:12:in \`total': undefined method \`price' for nil:NilClass (NoMethodError)\n\n${code}\n     ^^^^^^\n\tfrom app/controllers/orders_controller.rb:8:in \`show'\n`;

  it("shows the message without the picture, in the chain too, and groups an edited line with the original", () => {
    const message = (code: string) => `undefined method \`price' for nil:NilClass\n\n${code}\n     ^^^^^^`;
    const a = groupEvent({ type: "NoMethodError", message: message("item.price * qty"), stackTrace: trace("item.price * qty"), platform: "ruby" });
    const b = groupEvent({ type: "NoMethodError", message: message("item.price * quantity"), stackTrace: trace("item.price * quantity"), platform: "ruby" });
    expect(a.message).toBe("undefined method `price' for nil:NilClass");
    expect(a.exceptions[0].message).toBe("undefined method `price' for nil:NilClass");
    expect(a.fingerprint).toBe(b.fingerprint);
    // Without frames the message is what grouping compares: still one issue.
    const c = groupEvent({ type: "NoMethodError", message: message("item.price * qty"), platform: "ruby" });
    const d = groupEvent({ type: "NoMethodError", message: message("item.price * quantity"), platform: "ruby" });
    expect(c.fingerprint).toBe(d.fingerprint);
    // Another language's message that happens to look alike is left as sent.
    expect(groupEvent({ type: "Error", message: message("x"), platform: "python" }).message).toBe(message("x"));
  });
});
