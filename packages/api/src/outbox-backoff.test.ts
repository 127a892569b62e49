import { afterAll, afterEach, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { deliverOutbox, MAX_ATTEMPTS, setMailSender, setSmsProvider } from "@omni/domain/messages";

import { callerFor } from "./testing";

/**
 * The outbox marks a message sent only when a transport took it, retries with exponential backoff,
 * and gives up after MAX_ATTEMPTS tries: the message is then visible to admins, who can send it again.
 */
const t = await createTestDatabase();
afterAll(() => t.close());
afterEach(() => {
  setMailSender(undefined);
  setSmsProvider(undefined);
});

async function queue(to: string, channel: "email" | "sms" = "email"): Promise<number> {
  const [row] = await t.sql`
    insert into outbox ("to", channel, template, subject, body) values (${to}, ${channel}, 'order_placed', 'Hello', 'Body')
    returning id`;
  return Number(row!.id);
}

const rowOf = async (id: number) =>
  (await t.sql`select sent_at, attempts, last_error, next_attempt_at, dead_at from outbox where id = ${id}`)[0]!;

describe("outbox delivery", () => {
  it("backs off exponentially, gives up after the last try, and an admin's 'send again' delivers it", async () => {
    await deliverOutbox(t.db, new Date()); // the seed's own messages out of the way
    const id = await queue("bounce@example.com");
    let tries = 0;
    setMailSender({
      sendMail: async () => {
        tries++;
        throw new Error("550 mailbox unavailable");
      },
    });
    let now = new Date();
    const waits: number[] = [];
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await deliverOutbox(t.db, now);
      const row = await rowOf(id);
      expect(row).toMatchObject({ sent_at: null, attempts: i, last_error: "550 mailbox unavailable" });
      if (i < MAX_ATTEMPTS) {
        const next = new Date(row.next_attempt_at as string).getTime();
        waits.push(Math.round((next - now.getTime()) / 1000));
        // Not tried again before it is due.
        await deliverOutbox(t.db, new Date(next - 1000));
        expect((await rowOf(id)).attempts).toBe(i);
        now = new Date(next);
      }
    }
    expect(waits.slice(0, 5)).toEqual([30, 60, 120, 240, 480]);
    expect(waits.at(-1)).toBeLessThanOrEqual(6 * 3600);
    const dead = await rowOf(id);
    expect(dead.dead_at).not.toBeNull();
    expect(tries).toBe(MAX_ATTEMPTS);
    // Dead: never tried again by the sweep, however late.
    await deliverOutbox(t.db, new Date(now.getTime() + 30 * 86_400_000));
    expect(tries).toBe(MAX_ATTEMPTS);

    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const listed = await admin.notifications.list({ dead: true });
    expect(listed.map((n) => n.id)).toEqual([id]);
    expect(listed[0]).toMatchObject({ to: "bounce@example.com", attempts: MAX_ATTEMPTS, sentAt: null });
    const clerk = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    await expect(clerk.notifications.retry({ id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.notifications.retry({ id: id + 1000 })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await admin.notifications.retry({ id })).toEqual({ id, status: "queued" });
    const sent: string[] = [];
    setMailSender({ sendMail: async (m) => void sent.push(m.to as string) });
    expect(await deliverOutbox(t.db, new Date())).toBe(1);
    expect(sent).toEqual(["bounce@example.com"]);
    expect((await rowOf(id)).sent_at).not.toBeNull();
    // Sent ones cannot be "sent again" by mistake.
    await expect(admin.notifications.retry({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("never marks a text sent that the SMS gateway did not take", async () => {
    const id = await queue("+48600100200", "sms");
    setSmsProvider({ name: "failing", send: () => Promise.reject(new Error("gateway timeout")) });
    await deliverOutbox(t.db, new Date());
    expect(await rowOf(id)).toMatchObject({ sent_at: null, attempts: 1, last_error: "gateway timeout" });
    const texts: string[] = [];
    setSmsProvider({
      name: "recording",
      send: async (m) => {
        texts.push(m.to);
        return { id: m.idempotencyKey };
      },
    });
    await deliverOutbox(t.db, new Date(Date.now() + 31_000));
    expect(texts).toEqual(["+48600100200"]);
    expect((await rowOf(id)).sent_at).not.toBeNull();
  });

  it("drains a backlog beyond the old 200 messages per run, and stops at its time budget", async () => {
    await deliverOutbox(t.db, new Date());
    // A busy shop's minute: more messages than the sweep used to send per run (200), so that it fell behind.
    const queueMany = (n: number) => t.sql`
      insert into outbox ("to", channel, template, subject, body)
      select 'shopper' || i || '@example.com', 'email', 'order_placed', 'Hello', 'Body' from generate_series(1, ${n}) i`;
    await queueMany(450);
    const sent: string[] = [];
    setMailSender({ sendMail: async (m) => void sent.push(m.to as string) });
    expect(await deliverOutbox(t.db, new Date())).toBe(450);
    expect(new Set(sent).size).toBe(450);
    const [left] = await t.sql`select count(*)::int as n from outbox where sent_at is null and dead_at is null`;
    expect(left!.n).toBe(0);

    // A slow transport: the run ends at its budget and leaves the rest, unsent and untried, to the next run.
    await queueMany(50);
    setMailSender({ sendMail: () => new Promise((resolve) => setTimeout(resolve, 20)) });
    const first = await deliverOutbox(t.db, new Date(), { budgetMs: 150 });
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(50);
    const [untried] = await t.sql`select count(*)::int as n from outbox where sent_at is null and attempts = 0`;
    expect(untried!.n).toBe(50 - first);
    expect(await deliverOutbox(t.db, new Date())).toBe(50 - first);
  });
});
