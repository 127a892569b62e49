import { describe, expect, it } from "vitest";

import { DomainError } from "@omni/domain/kernel";

import { toTRPCError } from "./errors";

describe("error mapping", () => {
  it("maps domain errors to their code and message", () => {
    const mapped = toTRPCError(new DomainError("CONFLICT", "Only 2 left.", { reason: "out_of_stock" }));
    expect(mapped).toMatchObject({ code: "CONFLICT", message: "Only 2 left." });
  });

  it("looks through drizzle's wrapper for the PostgreSQL code", () => {
    const driverError = Object.assign(new Error("invalid byte sequence"), { code: "22021" });
    const wrapped = Object.assign(new Error("Failed query: insert …"), { cause: driverError });
    expect(toTRPCError(wrapped).code).toBe("BAD_REQUEST");
    const deadlock = Object.assign(new Error("Failed query"), {
      cause: Object.assign(new Error("deadlock detected"), { code: "40P01" }),
    });
    expect(toTRPCError(deadlock).code).toBe("CONFLICT");
  });

  it("keeps unknown failures as internal errors, without leaking their text", () => {
    const mapped = toTRPCError(new Error("connection terminated"));
    expect(mapped.code).toBe("INTERNAL_SERVER_ERROR");
    expect(mapped.message).not.toContain("connection");
  });
});
