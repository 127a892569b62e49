import type { Locale } from "@omni/db";

/**
 * The wording of the messages this context and its neighbours send, in Polish and English, chosen by the
 * shopper's language. SMS texts stay short and plain (one segment where possible, no diacritics needed).
 */
export const messageTexts = {
  pl: {
    readySms: (p: { orderNumber: string; store: string; code: string; until: string }) =>
      `Omni: zamowienie ${p.orderNumber} czeka w ${p.store}. Kod odbioru: ${p.code}. Odbierz do ${p.until}.`,
    reservationSms: (p: { code: string; store: string; until: string }) =>
      `Omni: rezerwacja ${p.code} w ${p.store} potwierdzona. Czekamy do ${p.until}.`,
    reservationExpiringSms: (p: { code: string; store: string; until: string }) =>
      `Omni: rezerwacja ${p.code} w ${p.store} wygasa ${p.until}.`,
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
