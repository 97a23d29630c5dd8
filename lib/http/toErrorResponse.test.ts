import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { toErrorResponse } from "@/lib/http/toErrorResponse";

const uniqueError = (meta: Record<string, unknown>) => new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "7", meta });

async function answer(error: unknown) {
  const res = toErrorResponse(error);
  return { status: res.status, body: (await res.json()) as { error: Record<string, unknown> } };
}

describe("toErrorResponse: a violated unique constraint (P2002) is a 409 naming the field taken", () => {
  it("through the pg driver adapter: the index name Prisma gives @@unique([workspaceId, name]), the workspace left out", async () => {
    const meta = { modelName: "Team", driverAdapterError: { cause: { kind: "UniqueConstraintViolation", constraint: { index: "Team_workspaceId_name_key" } } } };
    expect(await answer(uniqueError(meta))).toEqual({ status: 409, body: { error: { code: "conflict", message: "another team has this name already", field: "name" } } });
  });

  it("through the adapter with the columns, or the query engine's meta.target", async () => {
    const fromColumns = await answer(uniqueError({ modelName: "SavedSearch", driverAdapterError: { cause: { constraint: { fields: ["userId", "workspaceId", "name"] } } } }));
    expect(fromColumns.body.error).toEqual({ code: "conflict", message: "another saved search has this name already", field: "name" });
    const fromTarget = await answer(uniqueError({ modelName: "User", target: ["email"] }));
    expect(fromTarget.body.error).toEqual({ code: "conflict", message: "another user has this email already", field: "email" });
    const indexTarget = await answer(uniqueError({ modelName: "Project", target: "Project_workspaceId_slug_key" }));
    expect(indexTarget.body.error).toMatchObject({ field: "slug" });
  });

  it("names every chosen column of a compound constraint", async () => {
    const { body } = await answer(uniqueError({ modelName: "EventAttachment", target: ["projectId", "eventId", "filename"] }));
    expect(body.error).toEqual({ code: "conflict", message: "another event attachment has this eventId and filename already", field: "eventId, filename", fields: ["eventId", "filename"] });
  });

  it("keeps the scope when it is all the constraint has; no field when Prisma does not say", async () => {
    expect((await answer(uniqueError({ modelName: "TwoFactor", target: ["userId"] }))).body.error).toMatchObject({ field: "userId" });
    expect(await answer(uniqueError({}))).toEqual({ status: 409, body: { error: { code: "conflict", message: "already exists" } } });
    expect((await answer(uniqueError({ driverAdapterError: { cause: { constraint: { index: "Team_pkey" } } } }))).body.error).toEqual({ code: "conflict", message: "already exists" });
    expect((await answer(uniqueError({ target: ["a b", "'; drop"] }))).body.error).toEqual({ code: "conflict", message: "already exists" });
  });

  it("leaves not-found (P2025) as it was", async () => {
    const missing = new Prisma.PrismaClientKnownRequestError("not found", { code: "P2025", clientVersion: "7" });
    expect(await answer(missing)).toEqual({ status: 404, body: { error: { code: "not_found", message: "not found" } } });
  });
});
