import { describe, expect, it } from "vitest";
import { passwordResetEmail } from "@/lib/passwordResets/passwordResetEmail";

const input = {
  email: "ann@example.com",
  url: "https://faultline.example.com/reset-password/abcDEF_123-xyz",
  expiresAt: new Date("2026-12-08T18:00:00Z"),
  requestedAt: new Date("2026-12-07T18:00:00Z"),
  requestedFrom: "203.0.113.7",
};

describe("passwordResetEmail", () => {
  it("names the instance, the link, its expiry, who asked and that ignoring it is safe, in text and HTML", () => {
    const mail = passwordResetEmail(input);
    expect(mail.subject).toBe("Reset your Faultline password (faultline.example.com)");
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain(input.url);
      expect(body).toContain("203.0.113.7");
      expect(body).toContain("Mon, 07 Dec 2026 18:00:00 GMT");
      expect(body).toContain("expires Tue, 08 Dec 2026 18:00:00 GMT");
      expect(body).toContain("ignore this email");
      expect(body).toContain("Two-factor sign-in still asks for its code");
    }
    expect(mail.html).toContain(`<a href="${input.url}">Set a new password</a>`);
  });

  it("escapes what reaches the HTML and keeps the address on one line", () => {
    const mail = passwordResetEmail({ ...input, email: "a<b>@example.com", requestedFrom: "1.2.3.4\r\nBcc: x@evil.test" });
    expect(mail.html).toContain("a&lt;b&gt;@example.com");
    expect(mail.html).not.toContain("<b>");
    expect(mail.text).toContain("client address 1.2.3.4 Bcc: x@evil.test)");
    expect(mail.text.split("\n")[0]).toContain("asked to reset the password of");
  });

  it("leaves the host out of the subject when the link is not a URL", () => {
    expect(passwordResetEmail({ ...input, url: "not a url" }).subject).toBe("Reset your Faultline password");
  });
});
