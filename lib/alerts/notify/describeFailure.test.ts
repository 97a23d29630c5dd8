import { describe, expect, it } from "vitest";
import { describeFailure } from "@/lib/alerts/notify/describeFailure";
import { OutboundDeniedError } from "@/lib/outbound/OutboundDeniedError";

describe("describeFailure", () => {
  it("names network failures by code without the URL", () => {
    const error = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9/secret-token"), { code: "ECONNREFUSED" }) });
    const text = describeFailure(error, 5000);
    expect(text).toBe("connection refused (ECONNREFUSED)");
    expect(text).not.toContain("secret");
  });

  it("reports timeouts and SMTP replies", () => {
    expect(describeFailure(new DOMException("timeout", "TimeoutError"), 5000)).toBe("timed out after 5000 ms");
    expect(describeFailure(Object.assign(new Error("Can't send mail - all recipients were rejected: 550 no such user bob@x"), { code: "EENVELOPE", responseCode: 550 }), 5000)).toBe(
      "SMTP 550 (EENVELOPE)",
    );
  });

  it("says why the outbound policy refused a request", () => {
    expect(describeFailure(OutboundDeniedError.address("169.254.169.254", "a link-local address (cloud instance metadata)"), 5000)).toBe(
      "blocked: 169.254.169.254 is a link-local address (cloud instance metadata); OUTBOUND_ALLOWED_NETWORKS may allow it",
    );
  });

  it("names a rejected TLS certificate", () => {
    expect(describeFailure(Object.assign(new Error("certificate has expired"), { code: "CERT_HAS_EXPIRED" }), 5000)).toBe("TLS certificate rejected (CERT_HAS_EXPIRED)");
    expect(describeFailure(Object.assign(new Error("Hostname/IP does not match"), { code: "ERR_TLS_CERT_ALTNAME_INVALID" }), 5000)).toBe(
      "TLS certificate rejected (ERR_TLS_CERT_ALTNAME_INVALID)",
    );
  });

  it("falls back to a generic message", () => {
    expect(describeFailure(new Error("https://hooks.slack.com/services/T/B/SECRET exploded"), 5000)).toBe("send failed");
    expect(describeFailure("weird", 5000)).toBe("send failed");
  });
});
