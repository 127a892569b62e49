import type { Locale } from "@omni/db";

import { accountTextsEn, accountTextsPl } from "./texts-accounts";
import { orderTextsEn, orderTextsPl } from "./texts-orders";
import { reservationTextsEn, reservationTextsPl } from "./texts-reservations";
import { returnTextsEn, returnTextsPl } from "./texts-returns";

/**
 * The wording of every e-mail and SMS, in Polish and English, chosen by the recipient's language (the order's,
 * reservation's, cart's or account's locale). Each Polish object is typed as its English one, so a message
 * worded in one language only does not compile. SMS texts stay short and plain (no diacritics: one segment).
 */

/** The last line of every marketing e-mail: withdrawing takes one press, without an account. */
const unsubscribeEn = (link: string) => `Rather not get these? Unsubscribe with one press: ${link}`;
const unsubscribePl = (link: string) => `Nie chcesz takich wiadomości? Wypisz się jednym kliknięciem: ${link}`;

const engagementTextsEn = {
  backInStockSubject: (title: string) => `${title} is back in stock`,
  backInStockBody: (p: { title: string; where: string; link: string }) =>
    `Good news: ${p.title} is available again (${p.where}).\n\nSee it: ${p.link}`,
  online: "online shop",
  cartSubject: "Your cart is waiting for you",
  cartBody: (p: { items: string; link: string; code: string; unsubscribe: string }) =>
    `You left in your cart: ${p.items}.\n\nFinish in the shop: ${p.link}\nor scan the code ${p.code} at a kiosk in the store.\n\n${unsubscribeEn(p.unsubscribe)}`,
  reviewSubject: (orderNumber: string) => `How did you like order ${orderNumber}?`,
  reviewBody: (p: { link: string; unsubscribe: string }) =>
    `Thank you for shopping with us. Rate what you collected: ${p.link}\n\n${unsubscribeEn(p.unsubscribe)}`,
  marketingConfirmSubject: "Confirm that you want our news",
  marketingConfirmBody: (p: { link: string; days: number }) =>
    `Someone (we hope you) asked us to send news and offers to this address. To agree, open this link and press "Confirm" (it works for ${p.days} days): ${p.link}\n\nIf it was not you, ignore this e-mail: without your confirmation we send you no marketing.`,
  marketingConfirmSms: (p: { code: string; days: number }) =>
    `Omni: your code for SMS offers is ${p.code}. Type it in your account within ${p.days} days. Not you? Ignore this SMS.`,
};

const engagementTextsPl: typeof engagementTextsEn = {
  backInStockSubject: (title) => `${title} jest znowu dostępny`,
  backInStockBody: (p) => `Dobra wiadomość: ${p.title} jest znowu dostępny (${p.where}).\n\nZobacz: ${p.link}`,
  online: "sklep internetowy",
  cartSubject: "Twój koszyk na Ciebie czeka",
  cartBody: (p) =>
    `W Twoim koszyku zostały: ${p.items}.\n\nDokończ zakupy w sklepie: ${p.link}\nlub zeskanuj kod ${p.code} w kiosku w sklepie.\n\n${unsubscribePl(p.unsubscribe)}`,
  reviewSubject: (orderNumber) => `Jak oceniasz zakupy z zamówienia ${orderNumber}?`,
  reviewBody: (p) =>
    `Dziękujemy za zakupy. Oceń produkty, które odebrałeś: ${p.link}\n\n${unsubscribePl(p.unsubscribe)}`,
  marketingConfirmSubject: "Potwierdź, że chcesz otrzymywać nasze nowości",
  marketingConfirmBody: (p) =>
    `Ktoś (mamy nadzieję, że Ty) poprosił o wysyłanie nowości i ofert na ten adres. Aby się zgodzić, otwórz link i naciśnij „Potwierdź” (link działa przez ${p.days} dni): ${p.link}\n\nJeśli to nie Ty, zignoruj tę wiadomość: bez Twojego potwierdzenia nie wyślemy Ci żadnych reklam.`,
  marketingConfirmSms: (p) =>
    `Omni: Twoj kod zgody na oferty SMS to ${p.code}. Wpisz go na swoim koncie w ciagu ${p.days} dni. To nie Ty? Zignoruj SMS.`,
};

const en = { ...orderTextsEn, ...reservationTextsEn, ...returnTextsEn, ...accountTextsEn, ...engagementTextsEn };
export type MessageTexts = typeof en;
const pl: MessageTexts = {
  ...orderTextsPl,
  ...reservationTextsPl,
  ...returnTextsPl,
  ...accountTextsPl,
  ...engagementTextsPl,
};

export const messageTexts: Record<Locale, MessageTexts> = { pl, en };

/** The wording in the recipient's language; anything but Polish reads English. */
export const textsFor = (locale: string | null | undefined) => messageTexts[locale === "pl" ? "pl" : "en"];

/** The recipient's language as stored: Polish or English. */
export const messageLocale = (locale: string | null | undefined): Locale => (locale === "pl" ? "pl" : "en");

/** Short dates for SMS, in the store's time zone ("04.12 20:00"). */
export const smsWhen = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("pl-PL", { timeZone, day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" })
    .format(at)
    .replace(",", "");
