import { describe, expect, it } from "vitest";
import { invitationProblem } from "@/components/auth/invitationProblem";
import { ApiRequestError } from "@/lib/client/apiFetch";

describe("invitationProblem", () => {
  it("calls a malformed or unknown link not valid, never showing the validation's wording", () => {
    const malformed = invitationProblem(new ApiRequestError(422, "invalid token: Too small: expected string to have >=20 characters"));
    expect(malformed).toEqual({ title: "This invitation cannot be used", message: "This invitation link is not valid (it may have been cut off when copied)." });
    expect(invitationProblem(new ApiRequestError(404, "invitation not found"))).toEqual(malformed);
  });

  it("says why a used, withdrawn or expired invitation cannot be used", () => {
    expect(invitationProblem(new ApiRequestError(410, "this invitation has already been used"))).toEqual({ title: "This invitation cannot be used", message: "This invitation has already been used." });
    expect(invitationProblem(new ApiRequestError(410, "this invitation has expired: ask for a new one")).message).toBe("This invitation has expired: ask for a new one.");
  });

  it("keeps what went wrong otherwise (trying again may help)", () => {
    expect(invitationProblem(new ApiRequestError(500, "internal error"))).toEqual({ title: "Invitation", message: "The invitation could not be opened: internal error." });
    expect(invitationProblem(new TypeError("Failed to fetch")).message).toBe("The invitation could not be opened: Failed to fetch.");
    expect(invitationProblem(undefined).message).toBe("The invitation could not be opened.");
  });
});
