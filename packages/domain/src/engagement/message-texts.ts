import type { Locale } from "@omni/db";

/**
 * The wording of the messages this context and its neighbours send, in Polish and English, chosen by the
 * shopper's language. SMS texts stay short and plain (one segment where possible, no diacritics needed).
 */
type ReadyEmail = {
  name: string;
  orderNumber: string;
  store: string;
  address: string;
  point: string;
  code: string;
  until: string;
};

export const messageTexts = {
  pl: {
    readySms: (p: { orderNumber: string; store: string; code: string; until: string }) =>
      `Omni: zamowienie ${p.orderNumber} czeka w ${p.store}. Kod odbioru: ${p.code}. Odbierz do ${p.until}.`,
    reservationSms: (p: { code: string; store: string; until: string }) =>
      `Omni: rezerwacja ${p.code} w ${p.store} potwierdzona. Czekamy do ${p.until}.`,
    reservationExpiringSms: (p: { code: string; store: string; until: string }) =>
      `Omni: rezerwacja ${p.code} w ${p.store} wygasa ${p.until}.`,
    readySubject: (orderNumber: string) => `Zamówienie ${orderNumber} czeka na odbiór`,
    readyBody: (p: ReadyEmail) =>
      `Dzień dobry ${p.name}, Twoje zamówienie ${p.orderNumber} czeka w ${p.store} (${p.address}), punkt odbioru: ${p.point}. Pokaż kod odbioru ${p.code} w kiosku lub przy kasie. Odbierz je do ${p.until}.`,
    lockerSms: (p: { orderNumber: string; locker: string; link: string }) =>
      `Omni: paczka ${p.orderNumber} czeka w paczkomacie ${p.locker}. Odbierz w ciagu 48 h. ${p.link}`,
    backInStockSubject: (title: string) => `${title} jest znowu dostępny`,
    backInStockBody: (p: { title: string; where: string; link: string }) =>
      `Dobra wiadomość: ${p.title} jest znowu dostępny (${p.where}).\n\nZobacz: ${p.link}`,
    online: "sklep internetowy",
    cartSubject: "Twój koszyk na Ciebie czeka",
    cartBody: (p: { items: string; link: string; code: string }) =>
      `W Twoim koszyku zostały: ${p.items}.\n\nDokończ zakupy w sklepie: ${p.link}\nlub zeskanuj kod ${p.code} w kiosku w sklepie.\n\nNie chcesz takich wiadomości? Zmień zgody na koncie: ${p.link.replace(/\/handoff.*$/, "/account")}`,
    reviewSubject: (orderNumber: string) => `Jak oceniasz zakupy z zamówienia ${orderNumber}?`,
    reviewBody: (p: { link: string }) => `Dziękujemy za zakupy. Oceń produkty, które odebrałeś: ${p.link}`,
    alsoLike: "Może Ci się spodobać",
  },
  en: {
    readySms: (p: { orderNumber: string; store: string; code: string; until: string }) =>
      `Omni: order ${p.orderNumber} is ready at ${p.store}. Pickup code: ${p.code}. Collect by ${p.until}.`,
    reservationSms: (p: { code: string; store: string; until: string }) =>
      `Omni: reservation ${p.code} at ${p.store} confirmed. We hold it until ${p.until}.`,
    reservationExpiringSms: (p: { code: string; store: string; until: string }) =>
      `Omni: reservation ${p.code} at ${p.store} expires ${p.until}.`,
    readySubject: (orderNumber: string) => `Your order ${orderNumber} is ready for pickup`,
    readyBody: (p: ReadyEmail) =>
      `Hello ${p.name}, your order ${p.orderNumber} is waiting for you at ${p.store} (${p.address}), at ${p.point}. Show the pickup code ${p.code} at the kiosk or the counter. Please collect it by ${p.until}.`,
    lockerSms: (p: { orderNumber: string; locker: string; link: string }) =>
      `Omni: parcel ${p.orderNumber} is waiting in locker ${p.locker}. Collect it within 48 h. ${p.link}`,
    backInStockSubject: (title: string) => `${title} is back in stock`,
    backInStockBody: (p: { title: string; where: string; link: string }) =>
      `Good news: ${p.title} is available again (${p.where}).\n\nSee it: ${p.link}`,
    online: "online shop",
    cartSubject: "Your cart is waiting for you",
    cartBody: (p: { items: string; link: string; code: string }) =>
      `You left in your cart: ${p.items}.\n\nFinish in the shop: ${p.link}\nor scan the code ${p.code} at a kiosk in the store.\n\nRather not get these? Change your consents in your account: ${p.link.replace(/\/handoff.*$/, "/account")}`,
    reviewSubject: (orderNumber: string) => `How did you like order ${orderNumber}?`,
    reviewBody: (p: { link: string }) => `Thank you for shopping with us. Rate what you collected: ${p.link}`,
    alsoLike: "You may also like",
  },
} satisfies Record<Locale, unknown>;

export const textsFor = (locale: string | null | undefined) => messageTexts[locale === "pl" ? "pl" : "en"];

/** Short dates for SMS, in the store's time zone ("04.12 20:00"). */
export const smsWhen = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("pl-PL", { timeZone, day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" })
    .format(at)
    .replace(",", "");

/**
 * Every message this context words, filled with sample data, in both languages: what admin shows so that staff
 * can read a template before a shopper does.
 */
export function messagePreviews() {
  const sample = {
    orderNumber: "OM-100123",
    store: "Omni Kraków",
    code: "K7PQ2M",
    until: "04.12 20:00",
    title: "Linen shirt M / white",
    link: "http://localhost:3000/handoff?code=K7PQ2M",
  };
  const of = (locale: Locale) => {
    const t = messageTexts[locale];
    return [
      {
        template: "order_ready_for_pickup",
        channel: "email",
        subject: t.readySubject(sample.orderNumber),
        body: t.readyBody({ ...sample, name: "Ada", address: "ul. Floriańska 1, Kraków", point: "Counter 1" }),
      },
      { template: "order_ready_for_pickup", channel: "sms", subject: "", body: t.readySms(sample) },
      { template: "reservation_confirmed", channel: "sms", subject: "", body: t.reservationSms(sample) },
      { template: "reservation_expiring", channel: "sms", subject: "", body: t.reservationExpiringSms(sample) },
      {
        template: "parcel_in_locker",
        channel: "sms",
        subject: "",
        body: t.lockerSms({ orderNumber: sample.orderNumber, locker: "KRA01M", link: sample.link }),
      },
      {
        template: "back_in_stock",
        channel: "email",
        subject: t.backInStockSubject(sample.title),
        body: t.backInStockBody({ title: sample.title, where: sample.store, link: sample.link }),
      },
      {
        template: "cart_reminder",
        channel: "email",
        subject: t.cartSubject,
        body: t.cartBody({ items: `1 × ${sample.title}`, link: sample.link, code: sample.code }),
      },
      {
        template: "review_request",
        channel: "email",
        subject: t.reviewSubject(sample.orderNumber),
        body: t.reviewBody({ link: sample.link }),
      },
    ] as const;
  };
  const pl = of("pl");
  return of("en").map((en, i) => ({
    template: en.template,
    channel: en.channel,
    en: { subject: en.subject, body: en.body },
    pl: { subject: pl[i]!.subject, body: pl[i]!.body },
  }));
}
