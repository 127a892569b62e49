import { createHash } from "node:crypto";

import { PDFDocument, StandardFonts } from "pdf-lib";

import type { ShipmentStatus } from "@omni/db";

/**
 * The carrier interface, in the shape of InPost's ShipX: rates, a directory of points, a shipment with
 * a size, its label and its tracking statuses. The built-in demo carrier answers from the seeded locker
 * directory and moves parcels along as time passes.
 */
export interface Carrier {
  readonly id: string;
  rate(input: { service: "courier" | "locker"; goodsMinor: number }): { priceMinor: number; etaDays: number } | null;
  createShipment(input: {
    idempotencyKey: string;
    service: "courier" | "locker";
    size: "A" | "B" | "C";
    reference: string;
  }): Promise<{ trackingNumber: string }>;
  /** The label to stick on the parcel, as a PDF (A6). */
  label(input: {
    trackingNumber: string;
    service: "courier" | "locker";
    to: string[];
    reference: string;
  }): Promise<Uint8Array>;
  /** Where the parcel is now, given when it was handed over. */
  track(input: {
    trackingNumber: string;
    service: "courier" | "locker";
    since: Date;
    now: Date;
  }): Promise<ShipmentStatus>;
}

/** The demo carrier's timetable, in hours after the label was made. */
const timetable: { after: number; courier: ShipmentStatus; locker: ShipmentStatus }[] = [
  { after: 0, courier: "label_created", locker: "label_created" },
  { after: 4, courier: "collected_by_courier", locker: "collected_by_courier" },
  { after: 12, courier: "in_transit", locker: "in_transit" },
  { after: 30, courier: "out_for_delivery", locker: "ready_in_locker" },
  { after: 36, courier: "delivered", locker: "ready_in_locker" },
  { after: 60, courier: "delivered", locker: "delivered" },
];

export const demoCarrier: Carrier = {
  id: "demo",
  rate: () => null,
  async createShipment({ idempotencyKey }) {
    // The same key always gives the same parcel: a retried call never makes a second label.
    const digits = BigInt(`0x${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 15)}`).toString();
    return { trackingNumber: `6${digits.padStart(23, "0").slice(-23)}` };
  },
  async label({ trackingNumber, service, to, reference }) {
    const doc = await PDFDocument.create();
    doc.setTitle(`Label ${trackingNumber}`);
    const page = doc.addPage([298, 420]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const plain = (text: string) =>
      text
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/ł/g, "l")
        .replace(/Ł/g, "L")
        .replace(/[^\x20-\x7e]/g, "-");
    let y = 390;
    const line = (text: string, size = 11, f = font) => {
      page.drawText(plain(text), { x: 20, y, size, font: f });
      y -= size + 8;
    };
    line(service === "locker" ? "DEMO CARRIER - PARCEL LOCKER" : "DEMO CARRIER - COURIER", 13, bold);
    line(`Size A · Ref ${reference}`);
    y -= 10;
    line("To:", 11, bold);
    for (const part of to) line(part);
    y -= 20;
    // A printed barcode stands in as the tracking number in large type.
    line(trackingNumber, 16, bold);
    return doc.save();
  },
  async track({ service, since, now }) {
    const hours = (now.getTime() - since.getTime()) / 3_600_000;
    let status: ShipmentStatus = "label_created";
    for (const step of timetable) if (hours >= step.after) status = step[service];
    return status;
  },
};

let current: Carrier = demoCarrier;
export const carrier = () => current;
export function setCarrier(next: Carrier) {
  current = next;
}
