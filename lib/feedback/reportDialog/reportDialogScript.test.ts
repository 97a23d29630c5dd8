import { describe, expect, it } from "vitest";
import { DIALOG_TEXTS, reportDialogScript, type DialogTexts } from "@/lib/feedback/reportDialog/reportDialogScript";

const config = (overrides: Partial<DialogTexts> = {}) => ({
  submitUrl: "https://errors.example/api/embed/error-page/?dsn=x&eventId=y",
  texts: { ...DIALOG_TEXTS, ...overrides },
  name: "Ada",
  email: "ada@example.com",
});

describe("reportDialogScript", () => {
  it("is one valid script that carries the configuration as data", () => {
    const script = reportDialogScript(config({ title: "Oops" }));
    expect(() => new Function(script)).not.toThrow();
    expect(script).toContain('"title":"Oops"');
    expect(script).toContain("__sentry_reportdialog_closed__");
    expect(script).toContain("https://errors.example/api/embed/error-page/?dsn=x&eventId=y");
  });

  it("cannot be broken out of by a text: no markup, no line terminators, no end of script", () => {
    const hostile = `</script><script>alert(1)</script>\u2028\u2029"); alert(2); ("`;
    const script = reportDialogScript({ ...config({ title: hostile, labelSubmit: hostile }), name: hostile, email: hostile });
    expect(script).not.toContain("</script>");
    expect(script).not.toMatch(/[\u2028\u2029]/);
    expect(() => new Function(script)).not.toThrow();
    // The texts reach the page only through textContent and setAttribute.
    expect(script).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write/);
  });
});
