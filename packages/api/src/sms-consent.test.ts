import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { hasMarketingConsent, marketingConsentSql } from "@omni/domain/engagement";

import { callerFor } from "./testing";

/**
 * Marketing SMS is double opt-in like e-mail: a grant waits until the number's owner types the code texted to
 * it, so nobody can subscribe someone else's phone; a withdrawal counts at once.
 */
const t = await createTestDatabase({ max: 6 });
afterAll(() => t.close());

let serial = 0;
/** A fresh signed-in member in a language; each test has its own, and its own caller address for the limits. */
async function member(locale: "pl" | "en") {
  const email = `sms-${locale}-${++serial}@example.com`;
  await t.sql`insert into users (email, name, locale, email_verified) values (${email}, 'Sms Member', ${locale}, now())`;
  return { email, caller: await callerFor(t.db, { email }, "web", `203.0.113.${100 + serial}`) };
}

/** What the two ways the platform asks answer for SMS: one address, and a sweep's SQL. */
async function counted(email: string) {
  const [row] = await t.db.execute<{ granted: boolean }>(
    sql`select ${marketingConsentSql(sql`${email}`, "sms")} as granted`,
  );
  return { one: await hasMarketingConsent(t.db, email, "sms"), sweep: row!.granted };
}

/** The consent codes texted to a number, oldest first. */
const texted = (phone: string) =>
  t.sql<{ channel: string; body: string; data: Record<string, unknown> }[]>`
    select channel, body, data from outbox where template = 'marketing_confirm_sms' and "to" = ${phone} order by id`;
const codeIn = (body: string) => body.match(/\b(\d{6})\b/)![1]!;

const smsOf = (consents: { channel: string }[]) => consents.find((c) => c.channel === "sms")!;
const refusal = (code: string, reason: string) => ({
  code,
  cause: expect.objectContaining({ details: expect.objectContaining({ reason }) }),
});

describe("SMS marketing consent, double opt-in", () => {
  it("texts a code in the member's language and counts the grant only once the code is typed", async () => {
    const { email, caller } = await member("pl");
    const phone = "+48600700001";
    const answer = await caller.consent.set({ channel: "sms", granted: true, phone: "+48 600 700 001" });
    expect(smsOf(answer)).toMatchObject({
      granted: false,
      awaitingConfirmation: true,
      awaitingPhone: phone,
      codeAttemptsLeft: 5,
    });
    expect(await counted(email)).toEqual({ one: false, sweep: false });

    const [message, ...more] = await texted(phone);
    expect(more).toEqual([]);
    expect(message!.channel).toBe("sms");
    expect(message!.body).toContain("Twoj kod zgody na oferty SMS");
    expect(message!.data).toMatchObject({ email });
    // Only the code's hash is kept.
    const [row] = await t.sql<{ hash: string | null }[]>`
      select confirm_code_hash as hash from consents where email = ${email} order by id desc limit 1`;
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.hash).not.toContain(codeIn(message!.body));

    // Ticking again while the code works texts nothing more.
    await caller.consent.set({ channel: "sms", granted: true, phone });
    expect(await texted(phone)).toHaveLength(1);

    const confirmed = await caller.consent.confirmSms({ code: ` ${codeIn(message!.body)} ` });
    expect(smsOf(confirmed)).toMatchObject({ granted: true, phone, awaitingConfirmation: false });
    expect(await counted(email)).toEqual({ one: true, sweep: true });
    // The code works once.
    await expect(caller.consent.confirmSms({ code: codeIn(message!.body) })).rejects.toMatchObject(
      refusal("BAD_REQUEST", "sms_code_not_waiting"),
    );
  });

  it("texts an English member in English", async () => {
    const { caller } = await member("en");
    await caller.consent.set({ channel: "sms", granted: true, phone: "+48600700002" });
    const [message] = await texted("+48600700002");
    expect(message!.body).toContain("your code for SMS offers is");
  });

  it("refuses a wrong code with its reason and confirms nothing, and locks the code after five", async () => {
    const { email, caller } = await member("en");
    const phone = "+48600700003";
    await caller.consent.set({ channel: "sms", granted: true, phone });
    const right = codeIn((await texted(phone))[0]!.body);
    const wrong = right === "000000" ? "111111" : "000000";
    await expect(caller.consent.confirmSms({ code: wrong })).rejects.toMatchObject({
      ...refusal("BAD_REQUEST", "sms_code_wrong"),
      cause: expect.objectContaining({ details: { reason: "sms_code_wrong", attemptsLeft: 4 } }),
    });
    expect(await counted(email)).toEqual({ one: false, sweep: false });
    expect(smsOf(await caller.consent.get())).toMatchObject({ awaitingConfirmation: true, codeAttemptsLeft: 4 });
    for (let i = 0; i < 4; i++)
      await expect(caller.consent.confirmSms({ code: wrong })).rejects.toMatchObject(
        refusal("BAD_REQUEST", "sms_code_wrong"),
      );
    // Five wrong: even the right code is refused now, and nothing counts.
    await expect(caller.consent.confirmSms({ code: right })).rejects.toMatchObject(
      refusal("TOO_MANY_REQUESTS", "sms_code_locked"),
    );
    expect(await counted(email)).toEqual({ one: false, sweep: false });

    // A new code starts again; the old one stays dead.
    await caller.consent.resendSmsCode();
    const codes = await texted(phone);
    expect(codes).toHaveLength(2);
    const fresh = codeIn(codes[1]!.body);
    if (fresh !== right)
      await expect(caller.consent.confirmSms({ code: right })).rejects.toMatchObject(
        refusal("BAD_REQUEST", "sms_code_wrong"),
      );
    await caller.consent.confirmSms({ code: fresh });
    expect(await counted(email)).toEqual({ one: true, sweep: true });
  });

  it("races parallel guesses: no more than five are ever compared", async () => {
    const { caller } = await member("en");
    const phone = "+48600700004";
    await caller.consent.set({ channel: "sms", granted: true, phone });
    const right = codeIn((await texted(phone))[0]!.body);
    const guesses = Array.from({ length: 12 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, "0"));
    const answers = await Promise.allSettled(guesses.map((code) => caller.consent.confirmSms({ code })));
    const reasons = answers.map((a) =>
      a.status === "rejected" ? (a.reason as { cause: { details: { reason: string } } }).cause.details.reason : "ok",
    );
    expect(reasons.filter((r) => r === "sms_code_wrong")).toHaveLength(5);
    expect(reasons.filter((r) => r === "sms_code_locked")).toHaveLength(7);
  });

  it("refuses an expired code, and a grant without a number", async () => {
    const { email, caller } = await member("pl");
    await expect(caller.consent.set({ channel: "sms", granted: true })).rejects.toMatchObject(
      refusal("BAD_REQUEST", "sms_phone_required"),
    );
    await expect(caller.consent.set({ channel: "sms", granted: true, phone: "12-3" })).rejects.toMatchObject(
      refusal("BAD_REQUEST", "sms_phone_required"),
    );
    const phone = "+48600700005";
    await caller.consent.set({ channel: "sms", granted: true, phone });
    await t.sql`update consents set "at" = now() - interval '8 days' where email = ${email}`;
    await expect(caller.consent.confirmSms({ code: codeIn((await texted(phone))[0]!.body) })).rejects.toMatchObject(
      refusal("BAD_REQUEST", "sms_code_expired"),
    );
    expect(await counted(email)).toEqual({ one: false, sweep: false });
  });

  it("limits new codes per number: the fourth in a day is refused", async () => {
    const { caller } = await member("en");
    const phone = "+48600700006";
    await caller.consent.set({ channel: "sms", granted: true, phone });
    await caller.consent.resendSmsCode();
    await caller.consent.resendSmsCode();
    await expect(caller.consent.resendSmsCode()).rejects.toMatchObject(
      refusal("TOO_MANY_REQUESTS", "too_many_attempts"),
    );
    expect(await texted(phone)).toHaveLength(3);
    // Another member typing the same number does not get around the limit either.
    const other = await member("en");
    await expect(other.caller.consent.set({ channel: "sms", granted: true, phone })).rejects.toMatchObject(
      refusal("TOO_MANY_REQUESTS", "too_many_attempts"),
    );
    expect(await texted(phone)).toHaveLength(3);
  });

  it("counts a withdrawal at once, and a code typed after it confirms nothing that counts", async () => {
    const { email, caller } = await member("pl");
    const phone = "+48600700007";
    await caller.consent.set({ channel: "sms", granted: true, phone });
    await caller.consent.confirmSms({ code: codeIn((await texted(phone))[0]!.body) });
    expect(await counted(email)).toEqual({ one: true, sweep: true });
    const withdrawn = await caller.consent.set({ channel: "sms", granted: false });
    expect(smsOf(withdrawn)).toMatchObject({ granted: false, awaitingConfirmation: false });
    expect(await counted(email)).toEqual({ one: false, sweep: false });

    // A grant waiting for its code ends with a "no" too: its code no longer confirms anything.
    await caller.consent.set({ channel: "sms", granted: true, phone });
    const code = codeIn((await texted(phone))[1]!.body);
    await caller.consent.set({ channel: "sms", granted: false });
    await expect(caller.consent.confirmSms({ code })).rejects.toMatchObject(
      refusal("BAD_REQUEST", "sms_code_not_waiting"),
    );
    expect(await counted(email)).toEqual({ one: false, sweep: false });
  });
});
