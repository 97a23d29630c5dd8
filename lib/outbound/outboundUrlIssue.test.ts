import { describe, expect, it } from "vitest";
import { createOutboundPolicy } from "@/lib/outbound/outboundPolicy";
import { outboundUrlIssue } from "@/lib/outbound/outboundUrlIssue";

const open = createOutboundPolicy({ privateNetworks: "allow", allowed: [] });
const closed = createOutboundPolicy({ privateNetworks: "deny", allowed: [] });

describe("outboundUrlIssue", () => {
  it("refuses a URL naming a denied address, in any spelling the URL parser accepts", () => {
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/", "http://2852039166/", "http://0xa9.0xfe.0xa9.0xfe/", "http://[fe80::1]:8080/"]) {
      expect(outboundUrlIssue(url, open), url).toMatch(/link-local address/);
    }
  });

  it("judges localhost as loopback", () => {
    expect(outboundUrlIssue("http://localhost:9000/hook", open)).toBeUndefined();
    expect(outboundUrlIssue("http://localhost:9000/hook", closed)).toMatch(/^localhost is a loopback address/);
    expect(outboundUrlIssue("http://api.localhost/hook", closed)).toMatch(/loopback/);
    expect(outboundUrlIssue("smtp://10.0.0.5:25", closed)).toMatch(/^10\.0\.0\.5 is a private address/);
  });

  it("leaves host names to the check at each use", () => {
    expect(outboundUrlIssue("https://hooks.slack.com/services/T/B/X", closed)).toBeUndefined();
    expect(outboundUrlIssue("http://metadata.google.internal/", open)).toBeUndefined();
  });
});
