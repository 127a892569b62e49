import { afterAll, describe, expect, it } from "vitest";

import { verifyPassword } from "@omni/db";
import { createTestDatabase } from "@omni/db/testing";

import { callerFor } from "./testing";

/**
 * E-mail verification, password reset and change, and staff invitations: links are single-use,
 * expiring tokens stored only as hashes, sent through the outbox, and nothing tells an outsider
 * which addresses have accounts.
 */
const t = await createTestDatabase();
afterAll(() => t.close());

/** The newest link token e-mailed to an address with a template (tests read the outbox directly). */
async function mailedToken(to: string, template: string): Promise<string> {
  const [row] = await t.sql`
    select data->>'accountToken' as token, body from outbox where "to" = ${to} and template = ${template}
    order by id desc limit 1`;
  expect(row, `no ${template} e-mail to ${to}`).toBeDefined();
  const token = row!.token as string;
  expect(row!.body).toContain(`token=${token}`);
  return token;
}

const sessionVersion = async (email: string) =>
  (await t.sql`select session_version from users where email = ${email}`)[0]!.session_version as number;

describe("e-mail verification", () => {
  it("e-mails a link at sign-up that verifies the address once; the token is stored hashed and expires", async () => {
    const anon = await callerFor(t.db, "anonymous");
    await anon.account.signUp({ email: "vera@example.com", password: "vera-password", name: "Vera" });
    const vera = await callerFor(t.db, { email: "vera@example.com" });
    expect(await vera.account.me()).toMatchObject({ emailVerified: false });
    const token = await mailedToken("vera@example.com", "account_verify_email");
    const stored = await t.sql`select token from auth_verification_tokens where identifier like 'verify-email:%'`;
    expect(stored.map((s) => s.token)).not.toContain(token);

    await expect(anon.account.verifyEmail({ token: token.slice(0, -2) + "xx" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await anon.account.verifyEmail({ token })).toEqual({ email: "vera@example.com", verified: true });
    expect(await vera.account.me()).toMatchObject({ emailVerified: true });
    await expect(anon.account.verifyEmail({ token })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await vera.account.requestEmailVerification()).toEqual({ alreadyVerified: true });

    await anon.account.signUp({ email: "late@example.com", password: "late-password", name: "Late" });
    const late = await mailedToken("late@example.com", "account_verify_email");
    await t.sql`update auth_verification_tokens set expires = now() - interval '1 second' where identifier like 'verify-email:%'`;
    await expect(anon.account.verifyEmail({ token: late })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A new link replaces the lapsed one.
    const again = await callerFor(t.db, { email: "late@example.com" });
    expect(await again.account.requestEmailVerification()).toEqual({ alreadyVerified: false });
    const fresh = await mailedToken("late@example.com", "account_verify_email");
    expect(fresh).not.toBe(late);
    expect(await anon.account.verifyEmail({ token: fresh })).toMatchObject({ verified: true });
  });
});

describe("password reset", () => {
  it("answers the same for known and unknown addresses, and only a real account gets an e-mail", async () => {
    const anon = await callerFor(t.db, "anonymous", "web", "203.0.113.7");
    const before = (await t.sql`select count(*)::int as n from outbox`)[0]!.n as number;
    expect(await anon.account.requestPasswordReset({ email: "nobody-here@example.com" })).toEqual({ sent: true });
    expect((await t.sql`select count(*)::int as n from outbox`)[0]!.n).toBe(before);
    expect(await anon.account.requestPasswordReset({ email: "ADA@example.com" })).toEqual({ sent: true });
    expect((await t.sql`select count(*)::int as n from outbox`)[0]!.n).toBe(before + 1);
  });

  it("sets a new password once through the link, ends every session, and refuses used, expired or wrong-kind tokens", async () => {
    const anon = await callerFor(t.db, "anonymous", "web", "203.0.113.8");
    await anon.account.signUp({ email: "rita@example.com", password: "old-password", name: "Rita" });
    const verifyToken = await mailedToken("rita@example.com", "account_verify_email");
    await anon.account.requestPasswordReset({ email: "rita@example.com" });
    const token = await mailedToken("rita@example.com", "account_password_reset");
    const version = await sessionVersion("rita@example.com");

    // A verification token is not a reset token.
    await expect(anon.account.resetPassword({ token: verifyToken, password: "new-password" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await anon.account.resetPassword({ token, password: "new-password" })).toEqual({
      email: "rita@example.com",
    });
    const [row] = await t.sql`select password_hash, email_verified from users where email = 'rita@example.com'`;
    expect(await verifyPassword("new-password", row!.password_hash as string)).toBe(true);
    expect(await verifyPassword("old-password", row!.password_hash as string)).toBe(false);
    expect(row!.email_verified).not.toBeNull();
    expect(await sessionVersion("rita@example.com")).toBe(version + 1);
    const [notice] =
      await t.sql`select subject from outbox where "to" = 'rita@example.com' and template = 'account_password_changed'`;
    expect(notice).toBeDefined();

    await expect(anon.account.resetPassword({ token, password: "third-password" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await anon.account.requestPasswordReset({ email: "rita@example.com" });
    const lapsed = await mailedToken("rita@example.com", "account_password_reset");
    await t.sql`update auth_verification_tokens set expires = now() - interval '1 second' where identifier like 'reset-password:%'`;
    await expect(anon.account.resetPassword({ token: lapsed, password: "third-password" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(anon.account.resetPassword({ token: "", password: "third-password" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("limits reset e-mails per address and per caller, the same for addresses without an account", async () => {
    const anon = await callerFor(t.db, "anonymous", "web", "203.0.113.9");
    for (const email of ["ola@example.com", "ghost@example.com"]) {
      for (let i = 0; i < 5; i++) await anon.account.requestPasswordReset({ email });
      await expect(anon.account.requestPasswordReset({ email })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    }
    // Another caller cannot reach ola's inbox any more this hour either: the limit is per address too.
    const other = await callerFor(t.db, "anonymous", "web", "198.51.100.1");
    await expect(other.account.requestPasswordReset({ email: "ola@example.com" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    expect(
      (
        await t.sql`select count(*)::int as n from outbox where "to" = 'ola@example.com' and template = 'account_password_reset'`
      )[0]!.n,
    ).toBe(5);
  });

  it("shows staff the reset e-mail with its token masked", async () => {
    const anon = await callerFor(t.db, "anonymous", "web", "203.0.113.10");
    await anon.account.requestPasswordReset({ email: "max@example.com" });
    const token = await mailedToken("max@example.com", "account_password_reset");
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const [listed] = await admin.notifications.list({ email: "max@example.com", limit: 1 });
    expect(listed!.body).not.toContain(token);
    expect(JSON.stringify(listed)).not.toContain(token);
  });
});

describe("password change", () => {
  it("needs the current password and ends every session of the account", async () => {
    const anon = await callerFor(t.db, "anonymous");
    await anon.account.signUp({ email: "carl@example.com", password: "carl-password", name: "Carl" });
    const carl = await callerFor(t.db, { email: "carl@example.com" });
    const version = await sessionVersion("carl@example.com");
    await expect(
      carl.account.changePassword({ currentPassword: "not-it", newPassword: "carl-new-password" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await sessionVersion("carl@example.com")).toBe(version);
    expect(
      await carl.account.changePassword({ currentPassword: "carl-password", newPassword: "carl-new-password" }),
    ).toMatchObject({ signedOut: true });
    expect(await sessionVersion("carl@example.com")).toBe(version + 1);
  });
});

describe("staff invitations", () => {
  it("promotes only a verified account; a new member of staff sets their own password from the e-mailed link", async () => {
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const anon = await callerFor(t.db, "anonymous", "web", "203.0.113.11");
    // An attacker registers the address of someone the shop will hire, before they are hired.
    await anon.account.signUp({ email: "future.clerk@example.com", password: "attacker-pass", name: "Mallory" });
    await expect(
      admin.staff.invite({ email: "future.clerk@example.com", name: "Clerk", role: "associate", storeIds: ["krakow"] }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("not verified") });
    expect((await t.sql`select role from users where email = 'future.clerk@example.com'`)[0]!.role).toBe("customer");

    const invited = await admin.staff.invite({
      email: "new.hire@example.com",
      name: "New Hire",
      role: "associate",
      storeIds: ["gdansk"],
    });
    expect(invited).toMatchObject({ inviteSent: true, role: "associate" });
    expect(invited).not.toHaveProperty("temporaryPassword");
    const [hire] = await t.sql`select password_hash, email_verified from users where email = 'new.hire@example.com'`;
    expect(hire).toMatchObject({ password_hash: null, email_verified: null });
    const token = await mailedToken("new.hire@example.com", "staff_invited");
    await anon.account.resetPassword({ token, password: "my-own-password" });
    const [set] = await t.sql`select password_hash, email_verified from users where email = 'new.hire@example.com'`;
    expect(await verifyPassword("my-own-password", set!.password_hash as string)).toBe(true);
    expect(set!.email_verified).not.toBeNull();

    // A verified shopper is promoted and keeps their password; their sessions end.
    const version = await sessionVersion("ada@example.com");
    await admin.staff.invite({ email: "ada@example.com", name: "Ada", role: "associate", storeIds: ["krakow"] });
    expect(await sessionVersion("ada@example.com")).toBe(version + 1);
    const [ada] = await t.sql`select password_hash from users where email = 'ada@example.com'`;
    expect(await verifyPassword("demo-shopper", ada!.password_hash as string)).toBe(true);
  }, 30_000);
});
