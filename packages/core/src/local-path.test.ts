import { describe, expect, it } from "vitest";

import { localPath } from "./local-path";

/** The attack: `next=/\evil.com` passed the shop's "one leading slash" check and redirected off-site. */
describe("localPath", () => {
  it("keeps paths on the app", () => {
    expect(localPath("/account?tab=orders#top")).toBe("/account?tab=orders#top");
    expect(localPath("/orders/100001", "/x")).toBe("/orders/100001");
  });

  it("refuses every way off the origin", () => {
    for (const target of [
      "//evil.com",
      "/\\evil.com",
      "\\\\evil.com",
      "https://evil.com/",
      "javascript:alert(1)",
      "/\t/evil.com",
    ])
      expect(localPath(target, "/account")).toBe("/account");
    expect(localPath(undefined, "/account")).toBe("/account");
    expect(localPath(["/x"], "/account")).toBe("/account");
  });
});
