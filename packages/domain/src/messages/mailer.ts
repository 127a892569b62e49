import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import QRCode from "qrcode";

import { domainEnv } from "../kernel";

export type MailMessage = Mail.Options;

/** What the outbox sender needs from a mail transport; nodemailer's transports fit, and tests pass a stub. */
export type MailSender = { sendMail(message: Mail.Options): Promise<unknown> };

let override: MailSender | null | undefined;
let smtp: { url: string; sender: MailSender } | undefined;
let development: MailSender | undefined;

/**
 * The transport for shopper e-mail: SMTP at `SMTP_URL` when set. Without it (development, the demo)
 * nodemailer's JSON transport renders the message and takes it without sending it anywhere; staff read
 * it in the admin. Either way a message is marked sent only after a transport took it.
 */
export function mailSender(): MailSender {
  if (override) return override;
  const url = domainEnv.SMTP_URL;
  if (!url || override === null) return (development ??= nodemailer.createTransport({ jsonTransport: true }));
  if (smtp?.url !== url) smtp = { url, sender: nodemailer.createTransport(url) };
  return smtp.sender;
}

/** Replaces the transport (tests); `null` is the development transport, `undefined` goes back to SMTP_URL. */
export function setMailSender(sender: MailSender | null | undefined): void {
  override = sender;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The e-mail for an outbox message: the plain body, and an HTML body with the pickup code as a scannable QR. */
export async function renderEmail(message: {
  id?: number;
  to: string;
  subject: string;
  body: string;
  data: Record<string, unknown>;
}): Promise<Mail.Options> {
  const pickupCode = typeof message.data.pickupCode === "string" ? message.data.pickupCode : null;
  const paragraphs = message.body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  const attachments: Mail.Attachment[] = [];
  let qr = "";
  if (pickupCode) {
    attachments.push({
      filename: "pickup-code.png",
      content: await QRCode.toBuffer(pickupCode, { margin: 1, width: 240 }),
      cid: "pickup-code",
      contentType: "image/png",
    });
    qr = `<p><img src="cid:pickup-code" width="240" height="240" alt="${escapeHtml(pickupCode)}"><br><strong style="font-size:20px;letter-spacing:2px">${escapeHtml(pickupCode)}</strong></p>`;
  }
  // A link that opens something in the shop or, scanned, at a kiosk (an abandoned cart's reminder).
  const qrLink = typeof message.data.qrLink === "string" ? message.data.qrLink : null;
  if (qrLink && !pickupCode) {
    attachments.push({
      filename: "qr.png",
      content: await QRCode.toBuffer(qrLink, { margin: 1, width: 240 }),
      cid: "qr-link",
      contentType: "image/png",
    });
    qr = `<p><a href="${escapeHtml(qrLink)}"><img src="cid:qr-link" width="240" height="240" alt="QR"></a></p>`;
  }
  return {
    from: domainEnv.MAIL_FROM,
    // One id per outbox row: a message sent again after a crash is recognisably the same one.
    ...(message.id ? { messageId: `<outbox-${message.id}@${new URL(domainEnv.OMNI_WEB_URL).hostname}>` } : {}),
    to: message.to,
    subject: message.subject,
    text: message.body,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${paragraphs}${qr}</body></html>`,
    attachments,
    // Marketing: mail programs show their own "unsubscribe" button for it (RFC 2369).
    ...(typeof message.data.unsubscribeLink === "string"
      ? { list: { unsubscribe: message.data.unsubscribeLink } }
      : {}),
  };
}
