import { describe, expect, it, vi } from "vitest";

import TestBankPage from "./page";

// The page only decides what it hands the bank's form; the form itself is not under test.
vi.mock("@/components/test-bank", () => ({ TestBank: () => null }));

/** What the test bank's page would send the shopper back to after paying, for a `return=` value. */
async function returnTarget(target: string | undefined) {
  const page = await TestBankPage({ searchParams: Promise.resolve({ session: "s", return: target }) });
  return (page.props as { returnTo: string }).returnTo;
}

/** The attack (issue 12, open redirects): `/test-bank?return=/\evil.com` sent a paying shopper off the shop. */
describe("the test bank's return= target", () => {
  it("keeps a path on the shop", async () => {
    expect(await returnTarget("/orders/OM-100001?email=a%40b.pl")).toBe("/orders/OM-100001?email=a%40b.pl");
  });

  it("refuses every way off the shop's origin", async () => {
    for (const target of ["//evil.com", "/\\evil.com", "https://evil.com/", "javascript:alert(1)", undefined])
      expect(await returnTarget(target)).toBe("/");
  });
});
