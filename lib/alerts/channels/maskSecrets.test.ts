import { describe, expect, it } from "vitest";
import { isMasked, maskConfig, maskSecret, maskUrl } from "@/lib/alerts/channels/maskSecrets";

describe("secret masking", () => {
  it("hides a Slack webhook's token path but keeps the host and last characters", () => {
    const url = "https://hooks.slack.com/services/T0000000/B0000000/XXXXXXXXXXXXXXXXXXXXabcd";
    const masked = maskUrl(url);
    expect(masked).toBe("https://hooks.slack.com/••••abcd");
    expect(masked).not.toContain("T0000000");
    expect(isMasked(masked)).toBe(true);
  });

  it("hides SMTP passwords and keeps the user and host", () => {
    expect(maskUrl("smtp://alerts:s3cret-pass@mail.example.com:587")).toBe("smtp://alerts:••••@mail.example.com:587");
    expect(maskUrl("smtps://mail.example.com")).toBe("smtps://mail.example.com");
  });

  it("hides query-string tokens and drops http credentials", () => {
    const masked = maskUrl("https://user:pw@example.com/hook?token=supersecretvalue");
    expect(masked).toBe("https://example.com/••••alue");
    expect(masked).not.toContain("pw");
  });

  it("masks routing keys and header values", () => {
    expect(maskSecret("R0UTINGKEY1234567890")).toBe("••••7890");
    expect(maskSecret("short")).toBe("••••");
    expect(maskConfig("webhook", { url: "http://127.0.0.1:9/x", headers: { Authorization: "Bearer abc" } })).toEqual({
      url: "http://127.0.0.1:9/••••",
      headers: { Authorization: "••••" },
    });
    expect(maskConfig("email", { to: ["a@b.co"] })).toEqual({ to: ["a@b.co"] });
  });
});
