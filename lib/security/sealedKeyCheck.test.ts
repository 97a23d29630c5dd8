import { describe, expect, it } from "vitest";
import { sealedKeyMismatchMessage, sealedKeyVerdict } from "@/lib/security/sealedKeyCheck";
import { makeKeyring } from "@/lib/security/secretBox";

const key = (byte: number) => Buffer.alloc(32, byte);
const ring = makeKeyring(key(1));
const other = makeKeyring(key(2));

describe("sealedKeyVerdict", () => {
  it("is fine with nothing sealed, or with a value sealed under the current or a previous key", () => {
    expect(sealedKeyVerdict([], ring)).toEqual({ ok: true });
    expect(sealedKeyVerdict([{ keyId: other.current.id, n: 0 }], ring)).toEqual({ ok: true });
    expect(sealedKeyVerdict([{ keyId: ring.current.id, n: 1 }, { keyId: other.current.id, n: 5 }], ring)).toEqual({ ok: true });
    expect(sealedKeyVerdict([{ keyId: other.current.id, n: 3 }], makeKeyring(key(1), [key(2)]))).toEqual({ ok: true });
  });

  it("refuses when every sealed value names another key (a database restored with another key file)", () => {
    const verdict = sealedKeyVerdict([{ keyId: other.current.id, n: 3 }, { keyId: "0badc0de", n: 1 }], ring);
    expect(verdict).toEqual({ ok: false, sealed: 4, keyIds: [other.current.id, "0badc0de"].sort() });
    const message = sealedKeyMismatchMessage(verdict as { sealed: number; keyIds: string[] }, ring);
    expect(message).toContain(`none with FAULTLINE_SECRET_KEY (key ${ring.current.id})`);
    expect(message).toContain("FAULTLINE_SECRET_KEY_LOST=1");
    expect(message).not.toContain(key(1).toString("hex"));
  });
});
