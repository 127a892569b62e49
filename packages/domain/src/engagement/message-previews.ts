import { messageTemplates, type MessageTemplate } from "../kernel";
import { messageTexts, smsWhen, type MessageTexts } from "./message-texts";

/**
 * Every message written to the outbox, filled with sample data, in both languages: what admin shows so that
 * staff read a template before a shopper does, and what the test of the wording renders (every template of
 * the outbox must appear here, in Polish and English).
 */

type Preview = {
  template: MessageTemplate;
  channel: "email" | "sms";
  /** Which form of the message, when one template has several (a pickup or a delivery order...). */
  variant?: string;
  render: (t: MessageTexts) => { subject: string; body: string };
};

const sample = {
  name: "Ada",
  orderNumber: "OM-100123",
  store: "Omni Kraków",
  address: "ul. Floriańska 1, Kraków",
  point: "Counter 1",
  code: "K7PQ2M",
  until: "04.12 20:00",
  title: "Linen shirt M / white",
  link: "http://localhost:3000/handoff?code=K7PQ2M",
  currency: "PLN",
  returnNumber: "R-500001",
  email: "ada@example.com",
  unsubscribe: "http://localhost:3000/newsletter/unsubscribe?email=ada%40example.com&token=…",
};
const at = new Date("2026-12-04T19:00:00Z");
const until = smsWhen(at, "Europe/Warsaw");
const sms = (body: string) => ({ subject: "", body });
const placed = (how: Parameters<MessageTexts["orderPlacedBody"]>[0]["how"], dueAtCounterMinor: number | null) => ({
  name: sample.name,
  orderNumber: sample.orderNumber,
  currency: sample.currency,
  items: [{ quantity: 2, title: sample.title, totalMinor: 25998 }],
  shippingMinor: how.type === "pickup" ? 0 : 999,
  totalMinor: how.type === "pickup" ? 25998 : 26997,
  dueAtCounterMinor,
  how,
  alsoLike: [{ title: "Wool scarf", link: "http://localhost:3000/p/wool-scarf" }],
});
const closed = { ...sample, refundedMinor: 12999, creditCode: "CR-8HJK2" };
const refund = {
  returnNumber: sample.returnNumber,
  currency: sample.currency,
  refundedMinor: 12999,
  toCardMinor: 9999,
  toTillMinor: 0,
  toCreditMinor: 3000,
  toGiftCardMinor: 0,
  creditCode: "CR-8HJK2",
  store: sample.store,
};
const slip = (how: { method: "in_store"; store: string } | { method: "mail"; shipTo: string | null }) => ({
  returnNumber: sample.returnNumber,
  orderNumber: sample.orderNumber,
  how,
  lines: [{ quantity: 1, title: sample.title, sku: "SHIRT-M-WHT" }],
  refundMinor: 12999,
  currency: sample.currency,
  refundTo: "original" as const,
});

const previews: Preview[] = [
  {
    template: "order_placed",
    channel: "email",
    variant: "pickup",
    render: (t) => ({
      subject: t.orderPlacedSubject(sample.orderNumber),
      body: t.orderPlacedBody(placed({ type: "pickup", store: sample.store, code: sample.code, readyBy: at }, 25998)),
    }),
  },
  {
    template: "order_placed",
    channel: "email",
    variant: "delivery",
    render: (t) => ({
      subject: t.orderPlacedSubject(sample.orderNumber),
      body: t.orderPlacedBody(placed({ type: "courier", where: "ul. Długa 5, 31-147 Kraków" }, null)),
    }),
  },
  {
    template: "order_ready_for_pickup",
    channel: "email",
    render: (t) => ({ subject: t.readySubject(sample.orderNumber), body: t.readyBody(sample) }),
  },
  { template: "order_ready_for_pickup", channel: "sms", render: (t) => sms(t.readySms({ ...sample, until })) },
  {
    template: "order_pickup_reminder",
    channel: "email",
    render: (t) => ({ subject: t.pickupReminderSubject(sample.orderNumber), body: t.pickupReminderBody(sample) }),
  },
  {
    template: "order_expired",
    channel: "email",
    render: (t) => ({ subject: t.expiredSubject(sample.orderNumber), body: t.expiredBody(closed) }),
  },
  {
    template: "order_cancelled",
    channel: "email",
    render: (t) => ({
      subject: t.cancelledSubject(sample.orderNumber),
      body: t.cancelledBody({ ...closed, reason: "the payment was not completed" }),
    }),
  },
  {
    template: "order_collected",
    channel: "email",
    render: (t) => ({
      subject: t.collectedSubject(sample.orderNumber),
      body: t.collectedBody({ ...sample, refundedMinor: 4999 }),
    }),
  },
  {
    template: "parcel_in_locker",
    channel: "email",
    render: (t) => ({
      subject: t.lockerSubject(sample.orderNumber),
      body: t.lockerBody({ ...sample, locker: "KRA01M", link: "http://localhost:3000/track/1" }),
    }),
  },
  {
    template: "parcel_in_locker",
    channel: "sms",
    render: (t) => sms(t.lockerSms({ orderNumber: sample.orderNumber, locker: "KRA01M", link: sample.link })),
  },
  {
    template: "reservation_confirmed",
    channel: "email",
    render: (t) => ({ subject: t.reservationSubject(sample), body: t.reservationBody(sample) }),
  },
  { template: "reservation_confirmed", channel: "sms", render: (t) => sms(t.reservationSms({ ...sample, until })) },
  {
    template: "reservation_expiring",
    channel: "email",
    render: (t) => ({ subject: t.reservationExpiringSubject(sample.code), body: t.reservationExpiringBody(sample) }),
  },
  {
    template: "reservation_expiring",
    channel: "sms",
    render: (t) => sms(t.reservationExpiringSms({ ...sample, until })),
  },
  {
    template: "reservation_expired",
    channel: "email",
    render: (t) => ({ subject: t.reservationExpiredSubject(sample.code), body: t.reservationExpiredBody(sample) }),
  },
  {
    template: "reservation_cancelled",
    channel: "email",
    render: (t) => ({
      subject: t.reservationCancelledSubject(sample.code),
      body: t.reservationCancelledBody(sample),
    }),
  },
  {
    template: "return_created",
    channel: "email",
    variant: "in_store",
    render: (t) => ({
      subject: t.returnCreatedSubject(sample),
      body: t.returnCreatedBody(slip({ method: "in_store", store: `${sample.store}, ${sample.address}` })),
    }),
  },
  {
    template: "return_created",
    channel: "email",
    variant: "mail",
    render: (t) => ({
      subject: t.returnCreatedSubject(sample),
      body: t.returnCreatedBody(slip({ method: "mail", shipTo: null })),
    }),
  },
  {
    template: "return_received",
    channel: "email",
    render: (t) => ({
      subject: t.returnReceivedSubject(sample.returnNumber),
      body: t.returnReceivedBody({ ...sample, lines: [{ quantity: 1, title: sample.title }] }),
    }),
  },
  {
    template: "return_rejected",
    channel: "email",
    render: (t) => ({
      subject: t.returnRejectedSubject(sample.returnNumber),
      body: t.returnRejectedBody({ ...sample, reason: "—" }),
    }),
  },
  {
    template: "refund_issued",
    channel: "email",
    render: (t) => ({ subject: t.refundSubject(refund), body: t.refundBody(refund) }),
  },
  {
    template: "back_in_stock",
    channel: "email",
    render: (t) => ({
      subject: t.backInStockSubject(sample.title),
      body: t.backInStockBody({ title: sample.title, where: t.online, link: sample.link }),
    }),
  },
  {
    template: "cart_reminder",
    channel: "email",
    render: (t) => ({
      subject: t.cartSubject,
      body: t.cartBody({
        items: `1 × ${sample.title}`,
        link: sample.link,
        code: sample.code,
        unsubscribe: sample.unsubscribe,
      }),
    }),
  },
  {
    template: "review_request",
    channel: "email",
    render: (t) => ({ subject: t.reviewSubject(sample.orderNumber), body: t.reviewBody(sample) }),
  },
  {
    template: "marketing_confirm",
    channel: "email",
    render: (t) => ({ subject: t.marketingConfirmSubject, body: t.marketingConfirmBody({ ...sample, days: 7 }) }),
  },
  {
    template: "marketing_confirm_sms",
    channel: "sms",
    render: (t) => sms(t.marketingConfirmSms({ code: "493817", days: 7 })),
  },
  {
    template: "account_verify_email",
    channel: "email",
    render: (t) => ({ subject: t.verifySubject, body: t.verifyBody(sample) }),
  },
  {
    template: "account_password_reset",
    channel: "email",
    render: (t) => ({ subject: t.resetSubject, body: t.resetBody(sample) }),
  },
  {
    template: "account_password_changed",
    channel: "email",
    render: (t) => ({ subject: t.passwordChangedSubject, body: t.passwordChangedBody(sample) }),
  },
  {
    template: "staff_invited",
    channel: "email",
    variant: "new",
    render: (t) => ({ subject: t.staffInvitedSubject, body: t.staffInvitedBody({ ...sample, role: "associate" }) }),
  },
  {
    template: "staff_invited",
    channel: "email",
    variant: "promoted",
    render: (t) => ({ subject: t.staffInvitedSubject, body: t.staffPromotedBody({ ...sample, role: "manager" }) }),
  },
  {
    template: "points_expiring",
    channel: "email",
    render: (t) => ({
      subject: t.pointsExpiringSubject(250),
      body: t.pointsExpiringBody({ name: sample.name, points: 250, until: "2026-12-31" }),
    }),
  },
  {
    template: "gift_card_issued",
    channel: "email",
    render: (t) => ({
      subject: t.giftCardSubject("200,00 zł"),
      body: t.giftCardBody({
        recipientName: sample.name,
        amount: "200,00 zł",
        message: null,
        code: "GC-7K2M-Q9PX-4RT8-ZC3N",
      }),
    }),
  },
];

/** The sample's goods and counter as a Polish shopper reads them: orders keep their items' Polish names. */
const polishSample: [string, string][] = [
  [sample.title, "Lniana koszula M / biała"],
  ["Wool scarf", "Wełniany szalik"],
  [sample.point, "Lada 1"],
];
const inPolish = (text: string) => polishSample.reduce((out, [en, pl]) => out.replaceAll(en, pl), text);

export function messagePreviews() {
  return previews.map((p) => {
    const pl = p.render(messageTexts.pl);
    return {
      template: p.template,
      channel: p.channel,
      variant: p.variant ?? null,
      en: p.render(messageTexts.en),
      pl: { subject: inPolish(pl.subject), body: inPolish(pl.body) },
    };
  });
}

/** The templates that have no preview: none, or a message goes out that staff cannot read first. */
export const templatesWithoutPreview = () => messageTemplates.filter((t) => !previews.some((p) => p.template === t));
