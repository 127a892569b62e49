import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";

import { formatMoney, isOrderCompleted, vatLetter } from "@omni/core";
import type { Database } from "@omni/db";

import { conflict, type Actor } from "../kernel";
import { getOrder } from "./orders";

/** The seller printed on every receipt and invoice (the demo company). */
export const SELLER = {
  name: "Omni Retail sp. z o.o.",
  address: "ul. Floriańska 1, 31-019 Kraków",
  nip: "5260001246",
};

/**
 * The standard PDF fonts cannot draw Polish letters; they are written without their marks, as tills
 * with a plain printer do.
 */
const plain = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/[^\x20-\x7e]/g, "-");

const money = (minor: number, currency: string) => plain(formatMoney(minor, currency, "pl"));

/**
 * The receipt (or, when the shopper asked for one with a NIP, the VAT invoice) of a completed order
 * as a PDF: seller, buyer, lines with their VAT letter (A 23%, B 8%, C 5%, D 0%), delivery, the VAT
 * breakdown per rate and the totals. Anyone who may see the order may have its receipt.
 */
export async function orderReceiptPdf(
  db: Database,
  actor: Actor,
  input: { orderNumber: string; email?: string },
): Promise<{ fileName: string; pdf: Uint8Array; kind: "receipt" | "invoice" }> {
  const order = await getOrder(db, actor, input);
  if (!isOrderCompleted(order.status))
    throw conflict(
      `Order ${order.orderNumber} is not completed yet: its receipt comes when it is collected or delivered.`,
      { reason: "receipt_not_yet", order: order.orderNumber },
    );
  const kind = order.invoice ? "invoice" : "receipt";
  const doc = await PDFDocument.create();
  doc.setTitle(`${kind === "invoice" ? "Faktura VAT" : "Paragon"} ${order.orderNumber}`);
  doc.setProducer("Omni");
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let y = 800;
  const write = (text: string, x: number, f: PDFFont = font, size = 10, p: PDFPage = page) =>
    p.drawText(plain(text), { x, y, size, font: f });
  const right = (text: string, xRight: number, f: PDFFont = font, size = 10) =>
    page.drawText(plain(text), { x: xRight - f.widthOfTextAtSize(plain(text), size), y, size, font: f });

  write(
    kind === "invoice" ? `Faktura VAT / VAT invoice FV/${order.orderNumber}` : `Paragon / Receipt ${order.orderNumber}`,
    40,
    bold,
    16,
  );
  y -= 18;
  write(`Data / Date: ${(order.completedAt ?? order.createdAt).toISOString().slice(0, 10)}`, 40);
  y -= 28;
  write("Sprzedawca / Seller", 40, bold);
  write("Nabywca / Buyer", 320, bold);
  y -= 14;
  write(SELLER.name, 40);
  write(order.invoice?.companyName ?? order.name, 320);
  y -= 14;
  write(SELLER.address, 40);
  write(order.invoice ? `NIP: ${order.invoice.nip}` : order.email, 320);
  y -= 14;
  write(`NIP: ${SELLER.nip}`, 40);
  if (order.invoice?.address) write(order.invoice.address, 320);
  y -= 30;

  write("Towar / Item", 40, bold);
  right("Ilosc / Qty", 340, bold);
  right("Cena / Price", 420, bold);
  right("VAT", 460, bold);
  right("Wartosc / Value", 555, bold);
  y -= 16;
  for (const line of order.lines) {
    const quantity = line.quantity - line.declinedQuantity;
    if (quantity <= 0) continue;
    // The item as sold (not as the catalogue names it today), in Polish where the order kept it: a Polish receipt.
    write((line.titlePl ?? line.title).slice(0, 52), 40);
    right(String(quantity), 340);
    right(money(line.unitPriceMinor, order.currency), 420);
    right(vatLetter(line.vatRate), 460);
    right(money(quantity * line.unitPriceMinor, order.currency), 555);
    y -= 14;
  }
  if (order.discountMinor > 0) {
    write("Rabat / Discount", 40);
    right(`-${money(order.discountMinor, order.currency)}`, 555);
    y -= 14;
  }
  if (order.shippingMinor > 0) {
    write("Dostawa / Delivery", 40);
    right("A", 460);
    right(money(order.shippingMinor, order.currency), 555);
    y -= 14;
  }
  y -= 16;
  write("Stawka / Rate", 40, bold);
  right("Netto / Net", 340, bold);
  right("VAT", 460, bold);
  right("Brutto / Gross", 555, bold);
  y -= 14;
  for (const tax of order.taxes) {
    write(`${vatLetter(tax.rate)} ${tax.rate}%`, 40);
    right(money(tax.netMinor, order.currency), 340);
    right(money(tax.vatMinor, order.currency), 460);
    right(money(tax.netMinor + tax.vatMinor, order.currency), 555);
    y -= 14;
  }
  y -= 10;
  const net = order.taxes.reduce((sum, x) => sum + x.netMinor, 0);
  const vat = order.taxes.reduce((sum, x) => sum + x.vatMinor, 0);
  write("Razem / Total", 40, bold, 12);
  right(money(net, order.currency), 340, bold, 12);
  right(money(vat, order.currency), 460, bold, 12);
  right(money(order.totalMinor, order.currency), 555, bold, 12);
  y -= 24;
  // Points, store credit and gift cards are payment lines of their own: the receipt shows what each paid.
  if (order.pointsMinor > 0) {
    write(`Punkty / Points (${order.pointsRedeemed})`, 40);
    right(`-${money(order.pointsMinor, order.currency)}`, 555);
    y -= 14;
  }
  if (order.storeCreditMinor > 0) {
    write("Srodki na koncie / Store credit", 40);
    right(`-${money(order.storeCreditMinor, order.currency)}`, 555);
    y -= 14;
  }
  if (order.giftCardMinor > 0) {
    write("Karta podarunkowa / Gift card", 40);
    right(`-${money(order.giftCardMinor, order.currency)}`, 555);
    y -= 14;
  }
  write(`Zaplacono / Paid: ${order.paymentMethod}`, 40);
  return { fileName: `${kind}-${order.orderNumber}.pdf`, pdf: await doc.save(), kind };
}
