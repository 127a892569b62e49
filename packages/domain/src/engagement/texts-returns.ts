import { moneyText, type MessageLocale } from "../kernel";

/** The wording of the messages about a return, in English and Polish (the Polish object matches it key for key). */

type Line = { quantity: number; title: string; sku?: string };
export type ReturnSlipText = {
  returnNumber: string;
  orderNumber: string;
  /** The store to bring it to, or where to send it (null: the warehouse). */
  how: { method: "in_store"; store: string } | { method: "mail"; shipTo: string | null };
  lines: Line[];
  refundMinor: number;
  currency: string;
  refundTo: "original" | "store_credit";
};
export type RefundText = {
  returnNumber: string;
  currency: string;
  refundedMinor: number;
  toCardMinor: number;
  toTillMinor: number;
  toCreditMinor: number;
  toGiftCardMinor: number;
  creditCode: string | null;
  store: string;
};

const slipLines = (lines: Line[]) =>
  lines.map((l) => `- ${l.quantity} × ${l.title}${l.sku ? ` (${l.sku})` : ""}`).join("\n");
const money = (minor: number, currency: string, locale: MessageLocale) => moneyText(minor, currency, locale);

export const returnTextsEn = {
  returnCreatedSubject: (p: { returnNumber: string; orderNumber: string }) =>
    `Return ${p.returnNumber} for order ${p.orderNumber}`,
  returnCreatedBody: (p: ReturnSlipText) => {
    const how =
      p.how.method === "in_store"
        ? `Bring the items and this slip (or its QR code on your phone) to ${p.how.store}. You can also bring them to any of our stores.`
        : `Pack the items with this slip and send them to ${p.how.shipTo ?? "our warehouse"}.`;
    const refund = `${money(p.refundMinor, p.currency, "en")} ${p.refundTo === "store_credit" ? "as store credit" : "to your original payment"}`;
    return `Your return ${p.returnNumber} is registered.\n${how}\n\nItems:\n${slipLines(p.lines)}\n\nOnce we receive them you get ${refund}.`;
  },
  returnReceivedSubject: (returnNumber: string) => `We received your return ${returnNumber}`,
  returnReceivedBody: (p: { returnNumber: string; store: string; lines: Line[] }) =>
    `${p.store} received the items of return ${p.returnNumber}:\n${slipLines(p.lines.map(({ sku: _sku, ...l }) => l))}`,
  returnRejectedSubject: (returnNumber: string) => `Your return ${returnNumber} was not accepted`,
  returnRejectedBody: (p: { returnNumber: string; store: string; reason: string }) =>
    `${p.store} could not accept return ${p.returnNumber}: ${p.reason}\nThe items stay yours; ask at any of our stores if you have questions.`,
  refundSubject: (p: { returnNumber: string; currency: string; refundedMinor: number }) =>
    `Refund of ${money(p.refundedMinor, p.currency, "en")} for return ${p.returnNumber}`,
  refundBody: (p: RefundText) => {
    const m = (minor: number) => money(minor, p.currency, "en");
    const parts = [
      p.toCardMinor > 0
        ? `${m(p.toCardMinor)} goes back to your card; banks usually show it within 5 working days.`
        : null,
      p.toTillMinor > 0 ? `${m(p.toTillMinor)} was paid back to you at the counter of ${p.store}.` : null,
      p.toCreditMinor > 0
        ? p.creditCode
          ? `${m(p.toCreditMinor)} is store credit on code ${p.creditCode}: enter it at checkout in the shop, at a kiosk or at the counter.`
          : `${m(p.toCreditMinor)} is store credit on your account, ready to use at checkout.`
        : null,
      p.toGiftCardMinor > 0 ? `${m(p.toGiftCardMinor)} goes back to the gift card you paid with.` : null,
    ].filter(Boolean);
    return `We refunded ${m(p.refundedMinor)} for return ${p.returnNumber}.\n${parts.join("\n")}`;
  },
};

export const returnTextsPl: typeof returnTextsEn = {
  returnCreatedSubject: (p) => `Zwrot ${p.returnNumber} do zamówienia ${p.orderNumber}`,
  returnCreatedBody: (p) => {
    const how =
      p.how.method === "in_store"
        ? `Przynieś rzeczy i ten dokument zwrotu (albo jego kod QR w telefonie) do ${p.how.store}. Możesz je też oddać w dowolnym naszym sklepie.`
        : `Zapakuj rzeczy razem z tym dokumentem zwrotu i wyślij je na adres: ${p.how.shipTo ?? "nasz magazyn"}.`;
    const refund = `${money(p.refundMinor, p.currency, "pl")} ${p.refundTo === "store_credit" ? "w formie bonu do wykorzystania w sklepie" : "na pierwotną formę płatności"}`;
    return `Zarejestrowaliśmy Twój zwrot ${p.returnNumber}.\n${how}\n\nRzeczy:\n${slipLines(p.lines)}\n\nGdy je otrzymamy, zwrócimy ${refund}.`;
  },
  returnReceivedSubject: (returnNumber) => `Otrzymaliśmy Twój zwrot ${returnNumber}`,
  returnReceivedBody: (p) =>
    `${p.store} przyjął rzeczy ze zwrotu ${p.returnNumber}:\n${slipLines(p.lines.map(({ sku: _sku, ...l }) => l))}`,
  returnRejectedSubject: (returnNumber) => `Zwrot ${returnNumber} nie został przyjęty`,
  returnRejectedBody: (p) =>
    `${p.store} nie mógł przyjąć zwrotu ${p.returnNumber}: ${p.reason}\nRzeczy pozostają Twoje; jeśli masz pytania, zapytaj w dowolnym naszym sklepie.`,
  refundSubject: (p) => `Zwróciliśmy ${money(p.refundedMinor, p.currency, "pl")} za zwrot ${p.returnNumber}`,
  refundBody: (p) => {
    const m = (minor: number) => money(minor, p.currency, "pl");
    const parts = [
      p.toCardMinor > 0
        ? `${m(p.toCardMinor)} wraca na Twoją kartę; banki zwykle księgują to w ciągu 5 dni roboczych.`
        : null,
      p.toTillMinor > 0 ? `${m(p.toTillMinor)} wypłaciliśmy Ci przy kasie w ${p.store}.` : null,
      p.toCreditMinor > 0
        ? p.creditCode
          ? `${m(p.toCreditMinor)} to bon na kod ${p.creditCode}: wpisz go przy płatności w sklepie internetowym, w kiosku lub przy kasie.`
          : `${m(p.toCreditMinor)} to środki na Twoim koncie, gotowe do wykorzystania przy płatności.`
        : null,
      p.toGiftCardMinor > 0 ? `${m(p.toGiftCardMinor)} wraca na kartę podarunkową, którą zapłacono.` : null,
    ].filter(Boolean);
    return `Zwróciliśmy ${m(p.refundedMinor)} za zwrot ${p.returnNumber}.\n${parts.join("\n")}`;
  },
};
