import { describe, expect, it } from "vitest";
import { parseNetworkList } from "@/lib/outbound/networkList";
import { createOutboundPolicy } from "@/lib/outbound/outboundPolicy";

const networks = (text: string) => {
  const parsed = parseNetworkList(text);
  if ("invalid" in parsed) throw new Error(parsed.invalid);
  return parsed.networks;
};

describe("outbound policy", () => {
  const open = createOutboundPolicy({ privateNetworks: "allow", allowed: [] });
  const closed = createOutboundPolicy({ privateNetworks: "deny", allowed: [] });

  it("always denies link-local (instance metadata), unspecified, multicast and reserved addresses", () => {
    for (const address of ["169.254.169.254", "169.254.0.1", "fe80::1", "fe80::1%eth0", "100.100.100.200", "fd00:ec2::254", "0.0.0.0", "::", "224.0.0.1", "255.255.255.255", "ff02::1"]) {
      expect(open.deniedReason(address), address).toBeDefined();
    }
    expect(open.deniedReason("169.254.169.254")).toBe("a link-local address (cloud instance metadata)");
  });

  it("sees through IPv4-mapped, NAT64 and 6to4 forms of a denied IPv4 address", () => {
    for (const address of ["::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "64:ff9b::a9fe:a9fe", "64:ff9b::169.254.169.254", "2002:a9fe:a9fe::1"]) {
      expect(open.deniedReason(address), address).toBe("a link-local address (cloud instance metadata)");
    }
    expect(closed.deniedReason("::ffff:127.0.0.1")).toBe("a loopback address");
    expect(closed.deniedReason("64:ff9b::a00:1")).toBe("a private address");
  });

  it("allows private networks by default and denies them when told", () => {
    for (const address of ["127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "fd12::1", "198.18.0.1"]) {
      expect(open.deniedReason(address), address).toBeUndefined();
      expect(closed.deniedReason(address), address).toBeDefined();
    }
  });

  it("allows public addresses either way", () => {
    for (const address of ["8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "64:ff9b::808:808"]) {
      expect(closed.deniedReason(address), address).toBeUndefined();
    }
  });

  it("lets OUTBOUND_ALLOWED_NETWORKS open what would be denied", () => {
    const policy = createOutboundPolicy({ privateNetworks: "deny", allowed: networks("10.1.2.0/24, 169.254.169.254 fd00::/8") });
    expect(policy.deniedReason("10.1.2.200")).toBeUndefined();
    expect(policy.deniedReason("10.1.3.1")).toBe("a private address");
    expect(policy.deniedReason("169.254.169.254")).toBeUndefined();
    expect(policy.deniedReason("169.254.169.253")).toBeDefined();
    expect(policy.deniedReason("fd00::5")).toBeUndefined();
  });

  it("refuses what is not an address", () => {
    expect(open.deniedReason("example.com")).toBe("not an IP address");
  });
});

describe("parseNetworkList", () => {
  it("reads addresses and networks separated by commas or spaces", () => {
    expect(networks(" 10.0.0.0/8,192.168.1.5  fd00::/8 ")).toEqual([
      { address: "10.0.0.0", prefix: 8, family: "ipv4" },
      { address: "192.168.1.5", prefix: 32, family: "ipv4" },
      { address: "fd00::", prefix: 8, family: "ipv6" },
    ]);
    expect(networks("")).toEqual([]);
  });

  it("names the first entry that is not a network", () => {
    expect(parseNetworkList("10.0.0.0/8, intranet.local")).toEqual({ invalid: "intranet.local" });
    expect(parseNetworkList("10.0.0.0/33")).toEqual({ invalid: "10.0.0.0/33" });
    expect(parseNetworkList("10.0.0.0/8/1")).toEqual({ invalid: "10.0.0.0/8/1" });
    expect(parseNetworkList("::1/x")).toEqual({ invalid: "::1/x" });
  });
});
