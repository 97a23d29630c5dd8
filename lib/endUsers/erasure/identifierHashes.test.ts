import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { identifierHashes } from "@/lib/endUsers/erasure/identifierHashes";
import { normaliseIdentifiers } from "@/lib/endUsers/erasureTerms";

describe("the hashes an erasure keeps", () => {
  it("are one SHA-256 per identifier given, of its kind and normalised value, never the value itself", () => {
    const hashes = identifierHashes(normaliseIdentifiers({ email: " Ann@Shop.TEST", userId: "u-42" }));
    expect(hashes).toEqual({
      userId: createHash("sha256").update("faultline-end-user:userId:u-42").digest("hex"),
      email: createHash("sha256").update("faultline-end-user:email:ann@shop.test").digest("hex"),
    });
    expect(JSON.stringify(hashes)).not.toMatch(/ann@shop|u-42/);
    // The same person hashes the same however the address was typed; a user id's case matters.
    expect(identifierHashes(normaliseIdentifiers({ email: "ANN@shop.test" })).email).toBe(hashes.email);
    expect(identifierHashes({ userId: "U-42" }).userId).not.toBe(hashes.userId);
  });
});
