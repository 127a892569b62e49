import { domainEnv } from "../kernel";

/** One text message; `idempotencyKey` lets the provider drop a repeat of a send that timed out. */
export type SmsMessage = { to: string; body: string; idempotencyKey: string };

/** What the outbox sender needs from an SMS gateway. */
export type SmsProvider = { name: string; send(message: SmsMessage): Promise<{ id: string }> };

/** Development: sends nothing, remembers what it would have sent (staff see the outbox in admin). */
export function devSmsProvider(): SmsProvider & { sent: SmsMessage[] } {
  const sent: SmsMessage[] = [];
  return {
    name: "dev",
    sent,
    async send(message) {
      sent.push(message);
      return { id: `dev-${message.idempotencyKey}` };
    },
  };
}

/** Digits only, with Poland's country code when a 9-digit national number is given (SMSAPI's format). */
export const smsNumber = (phone: string) => {
  const digits = phone.replace(/[^\d]/g, "");
  return digits.length === 9 ? `48${digits}` : digits;
};

/**
 * SMSAPI's HTTP API (`POST /sms.do`, bearer token, form fields, `format=json`). `idx` with `check_idx` makes
 * the gateway refuse a second message with the same key, so a retry after a timeout is not sent twice.
 */
export function smsapiProvider(options: {
  url: string;
  token: string;
  from: string;
  fetch?: typeof fetch;
}): SmsProvider {
  const doFetch = options.fetch ?? fetch;
  return {
    name: "smsapi",
    async send(message) {
      const form = new URLSearchParams({
        to: smsNumber(message.to),
        message: message.body,
        from: options.from,
        format: "json",
        encoding: "utf-8",
        idx: message.idempotencyKey,
        check_idx: "1",
      });
      const response = await doFetch(options.url, {
        method: "POST",
        headers: { authorization: `Bearer ${options.token}`, "content-type": "application/x-www-form-urlencoded" },
        body: form,
        signal: AbortSignal.timeout(10_000),
      });
      const answer = (await response.json().catch(() => ({}))) as {
        list?: { id: string }[];
        error?: number;
        message?: string;
      };
      // 105: "idx already used": the first attempt got through, which is what a retry wants.
      if (answer.error === 105) return { id: `idx-${message.idempotencyKey}` };
      if (!response.ok || answer.error || !answer.list?.[0]) {
        throw new Error(`SMSAPI refused the message: ${answer.message ?? response.status} (${answer.error ?? "-"})`);
      }
      return { id: answer.list[0].id };
    },
  };
}

let override: SmsProvider | undefined;
let configured: SmsProvider | undefined;

/** The gateway from the settings: SMSAPI when SMS_PROVIDER=smsapi, else the development recorder. */
export function smsProvider(): SmsProvider {
  if (override) return override;
  if (!configured) {
    configured =
      domainEnv.SMS_PROVIDER === "smsapi" && domainEnv.SMSAPI_TOKEN
        ? smsapiProvider({ url: domainEnv.SMSAPI_URL, token: domainEnv.SMSAPI_TOKEN, from: domainEnv.SMS_FROM })
        : devSmsProvider();
  }
  return configured;
}

/** Replaces the gateway (tests); `undefined` goes back to the settings. */
export function setSmsProvider(provider: SmsProvider | undefined): void {
  override = provider;
}
