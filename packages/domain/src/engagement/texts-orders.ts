import { moneyText, whenText, type MessageLocale } from "../kernel";

/** The wording of the messages about an order, in English and Polish (the Polish object must match it key for key). */

export type OrderPlacedText = {
  name: string;
  orderNumber: string;
  currency: string;
  items: { quantity: number; title: string; totalMinor: number }[];
  shippingMinor: number;
  totalMinor: number;
  /** What is left to pay at the counter for a pay-in-store order. */
  dueAtCounterMinor: number | null;
  how:
    | { type: "pickup"; store: string; code: string; readyBy: Date | null }
    | { type: "locker" | "courier"; where: string };
  /** "You may also like": recommendations with their shop links. */
  alsoLike: { title: string; link: string }[];
};
export type ReadyText = {
  name: string;
  orderNumber: string;
  store: string;
  address: string;
  point: string;
  code: string;
  until: string;
};
type PickupReminderText = {
  name: string;
  orderNumber: string;
  store: string;
  point: string;
  code: string;
  until: string;
};
type ClosedText = {
  name: string;
  orderNumber: string;
  currency: string;
  refundedMinor: number;
  creditCode: string | null;
};
type CollectedText = { name: string; orderNumber: string; store: string; currency: string; refundedMinor: number };
type LockerText = { name: string; orderNumber: string; locker: string; link: string };

/** The reason an unpaid order is cancelled by the system; worded per language rather than shown as is. */
export const PAYMENT_NOT_COMPLETED = "the payment was not completed";

// A ship-to-store promise is in the chain's own time zone, as the checkout showed it.
const readyByWhen = (at: Date, locale: MessageLocale) => whenText(at, "Europe/Warsaw", locale);

const lines = (p: OrderPlacedText, locale: MessageLocale) =>
  p.items.map((l) => `${l.quantity} × ${l.title} – ${moneyText(l.totalMinor, p.currency, locale)}`).join("\n");
const alsoLike = (p: OrderPlacedText, heading: string) =>
  p.alsoLike.length ? `\n\n${heading}:\n${p.alsoLike.map((i) => `- ${i.title}: ${i.link}`).join("\n")}` : "";

export const orderTextsEn = {
  orderPlacedSubject: (orderNumber: string) => `Order ${orderNumber} placed`,
  orderPlacedBody: (p: OrderPlacedText) => {
    const m = (minor: number) => moneyText(minor, p.currency, "en");
    const how =
      p.how.type === "pickup"
        ? `Collect it at ${p.how.store}.${p.how.readyBy ? ` Some goods come from another of our locations; we expect it ready by ${readyByWhen(p.how.readyBy, "en")}.` : ""} We will tell you when it is ready. Your pickup code: ${p.how.code}`
        : p.how.type === "locker"
          ? `We will send it to the parcel locker ${p.how.where}.`
          : `We will ship it to ${p.how.where}.`;
    return (
      `Thank you, ${p.name}! We have your order ${p.orderNumber}.\n\n${lines(p, "en")}` +
      (p.shippingMinor > 0 ? `\nDelivery: ${m(p.shippingMinor)}` : "") +
      `\n\nTotal: ${m(p.totalMinor)}` +
      (p.dueAtCounterMinor !== null ? `\nTo pay at the counter: ${m(p.dueAtCounterMinor)}` : "") +
      `\n\n${how}` +
      alsoLike(p, "You may also like")
    );
  },
  readySubject: (orderNumber: string) => `Your order ${orderNumber} is ready for pickup`,
  readyBody: (p: ReadyText) =>
    `Hello ${p.name}, your order ${p.orderNumber} is waiting for you at ${p.store} (${p.address}), at ${p.point}. Show the pickup code ${p.code} at the kiosk or the counter. Please collect it by ${p.until}.`,
  readySms: (p: { orderNumber: string; store: string; code: string; until: string }) =>
    `Omni: order ${p.orderNumber} is ready at ${p.store}. Pickup code: ${p.code}. Collect by ${p.until}.`,
  pickupReminderSubject: (orderNumber: string) => `Reminder: order ${orderNumber} is waiting for you`,
  pickupReminderBody: (p: PickupReminderText) =>
    `Hello ${p.name}, your order ${p.orderNumber} is still waiting at ${p.store}, at ${p.point}. Please collect it by ${p.until} with the pickup code ${p.code}, or it will be cancelled and refunded.`,
  expiredSubject: (orderNumber: string) => `Your order ${orderNumber} was not collected in time`,
  expiredBody: (p: ClosedText) =>
    `Hello ${p.name}, your order ${p.orderNumber} was not collected by its pickup deadline, so it has been cancelled.` +
    refundWordsEn(p),
  cancelledSubject: (orderNumber: string) => `Your order ${orderNumber} was cancelled`,
  cancelledBody: (p: ClosedText & { reason: string }) =>
    `Hello ${p.name}, your order ${p.orderNumber} has been cancelled: ${p.reason === PAYMENT_NOT_COMPLETED ? "the payment was not completed" : p.reason}.` +
    refundWordsEn(p),
  collectedSubject: (orderNumber: string) => `You collected order ${orderNumber}`,
  collectedBody: (p: CollectedText) =>
    `Hello ${p.name}, thank you for collecting order ${p.orderNumber} at ${p.store}.` +
    (p.refundedMinor > 0
      ? ` We have refunded ${moneyText(p.refundedMinor, p.currency, "en")} for the items you declined.`
      : ""),
  lockerSubject: (orderNumber: string) => `Your parcel ${orderNumber} is in the locker`,
  lockerBody: (p: LockerText) =>
    `Hello ${p.name}, your parcel for order ${p.orderNumber} is waiting in the parcel locker ${p.locker}. Collect it within 48 hours. Tracking: ${p.link}`,
  lockerSms: (p: { orderNumber: string; locker: string; link: string }) =>
    `Omni: parcel ${p.orderNumber} is waiting in locker ${p.locker}. Collect it within 48 h. ${p.link}`,
};

function refundWordsEn(p: ClosedText) {
  return (
    (p.refundedMinor > 0 ? ` We have refunded ${moneyText(p.refundedMinor, p.currency, "en")}.` : "") +
    (p.creditCode ? ` Your store credit code is ${p.creditCode}.` : "")
  );
}

function refundWordsPl(p: ClosedText) {
  return (
    (p.refundedMinor > 0 ? ` Zwróciliśmy ${moneyText(p.refundedMinor, p.currency, "pl")}.` : "") +
    (p.creditCode ? ` Kod Twojego bonu do wykorzystania w sklepie: ${p.creditCode}.` : "")
  );
}

export const orderTextsPl: typeof orderTextsEn = {
  orderPlacedSubject: (orderNumber) => `Zamówienie ${orderNumber} przyjęte`,
  orderPlacedBody: (p) => {
    const m = (minor: number) => moneyText(minor, p.currency, "pl");
    const how =
      p.how.type === "pickup"
        ? `Odbierz je w ${p.how.store}.${p.how.readyBy ? ` Część towaru przyjedzie z innej naszej lokalizacji; zamówienie powinno być gotowe: ${readyByWhen(p.how.readyBy, "pl")}.` : ""} Damy znać, gdy będzie gotowe do odbioru. Twój kod odbioru: ${p.how.code}`
        : p.how.type === "locker"
          ? `Wyślemy je do paczkomatu ${p.how.where}.`
          : `Wyślemy je kurierem na adres ${p.how.where}.`;
    return (
      `Dziękujemy, ${p.name}! Przyjęliśmy Twoje zamówienie ${p.orderNumber}.\n\n${lines(p, "pl")}` +
      (p.shippingMinor > 0 ? `\nDostawa: ${m(p.shippingMinor)}` : "") +
      `\n\nRazem: ${m(p.totalMinor)}` +
      (p.dueAtCounterMinor !== null ? `\nDo zapłaty przy kasie: ${m(p.dueAtCounterMinor)}` : "") +
      `\n\n${how}` +
      alsoLike(p, "Może Ci się spodobać")
    );
  },
  readySubject: (orderNumber) => `Zamówienie ${orderNumber} czeka na odbiór`,
  readyBody: (p) =>
    `Dzień dobry ${p.name}, Twoje zamówienie ${p.orderNumber} czeka w ${p.store} (${p.address}), punkt odbioru: ${p.point}. Pokaż kod odbioru ${p.code} w kiosku lub przy kasie. Odbierz je do ${p.until}.`,
  readySms: (p) =>
    `Omni: zamowienie ${p.orderNumber} czeka w ${p.store}. Kod odbioru: ${p.code}. Odbierz do ${p.until}.`,
  pickupReminderSubject: (orderNumber) => `Przypomnienie: zamówienie ${orderNumber} na Ciebie czeka`,
  pickupReminderBody: (p) =>
    `Dzień dobry ${p.name}, Twoje zamówienie ${p.orderNumber} nadal czeka w ${p.store}, punkt odbioru: ${p.point}. Odbierz je do ${p.until} z kodem odbioru ${p.code}; potem anulujemy je i zwrócimy pieniądze.`,
  expiredSubject: (orderNumber) => `Zamówienie ${orderNumber} nie zostało odebrane w terminie`,
  expiredBody: (p) =>
    `Dzień dobry ${p.name}, zamówienie ${p.orderNumber} nie zostało odebrane w terminie, więc je anulowaliśmy.` +
    refundWordsPl(p),
  cancelledSubject: (orderNumber) => `Zamówienie ${orderNumber} zostało anulowane`,
  cancelledBody: (p) =>
    `Dzień dobry ${p.name}, zamówienie ${p.orderNumber} zostało anulowane: ${p.reason === PAYMENT_NOT_COMPLETED ? "płatność nie została dokończona" : p.reason}.` +
    refundWordsPl(p),
  collectedSubject: (orderNumber) => `Odebrano zamówienie ${orderNumber}`,
  collectedBody: (p) =>
    `Dzień dobry ${p.name}, dziękujemy za odbiór zamówienia ${p.orderNumber} w ${p.store}.` +
    (p.refundedMinor > 0
      ? ` Za rzeczy, z których zrezygnowano, zwróciliśmy ${moneyText(p.refundedMinor, p.currency, "pl")}.`
      : ""),
  lockerSubject: (orderNumber) => `Paczka ${orderNumber} czeka w paczkomacie`,
  lockerBody: (p) =>
    `Dzień dobry ${p.name}, paczka z zamówieniem ${p.orderNumber} czeka w paczkomacie ${p.locker}. Odbierz ją w ciągu 48 godzin. Śledzenie przesyłki: ${p.link}`,
  lockerSms: (p) => `Omni: paczka ${p.orderNumber} czeka w paczkomacie ${p.locker}. Odbierz w ciagu 48 h. ${p.link}`,
};
