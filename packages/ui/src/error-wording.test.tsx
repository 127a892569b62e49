// @vitest-environment jsdom
import fs from "node:fs";
import path from "node:path";

import { renderHook } from "@testing-library/react";
import { TRPCClientError } from "@trpc/client";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";

import { useErrorMessage } from "./trpc";

/**
 * The refusals of issue 20 as the server sends them (packages/api/src/refusal-reasons.test.ts checks
 * the server's side), read through each app's catalogue: Polish on a Polish screen, never the
 * server's English sentence.
 */
const catalogue = (app: string, locale: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, "../../../apps", app, "messages", `${locale}.json`), "utf8"));

const refusal = (code: string, message: string, reason?: string, params?: Record<string, string | number>) =>
  TRPCClientError.from({ error: { code: -32000, message, data: { code, reason, params } } });

function wordsIn(app: string, locale: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <NextIntlClientProvider locale={locale} messages={catalogue(app, locale)} timeZone="Europe/Warsaw">
      {children}
    </NextIntlClientProvider>
  );
  return renderHook(() => useErrorMessage(), { wrapper }).result.current;
}

describe("refusals read in the app's language", () => {
  it("words staff invitation errors and a wrong pickup code in Polish in admin", () => {
    const say = wordsIn("admin", "pl");
    expect(
      say(
        refusal("CONFLICT", "ola@example.com is already on the staff.", "staff_exists", { email: "ola@example.com" }),
      ),
    ).toBe("ola@example.com już należy do personelu.");
    expect(
      say(
        refusal(
          "CONFLICT",
          "x has a shop account whose e-mail address is not verified yet.",
          "staff_email_unverified",
          {
            email: "x@example.com",
          },
        ),
      ),
    ).toMatch(/^x@example\.com ma konto w sklepie z niepotwierdzonym adresem e-mail/);
    expect(say(refusal("NOT_FOUND", "No order has this pickup code.", "pickup_code_unknown"))).toBe(
      "Żadne zamówienie nie ma tego kodu odbioru. Sprawdź kod i spróbuj ponownie.",
    );
  });

  it("words an order that cannot be collected in Polish at the kiosk, with its status", () => {
    const say = wordsIn("kiosk", "pl");
    const collected = refusal(
      "CONFLICT",
      "Order OM-100082 cannot be collected: it is collected.",
      "order_not_collectable",
      {
        order: "OM-100082",
        status: "collected",
      },
    );
    expect(say(collected)).toBe("Zamówienia OM-100082 nie można odebrać: jest już odebrane.");
    expect(wordsIn("kiosk", "en")(collected)).toBe("Order OM-100082 cannot be collected: it is already collected.");
  });

  it("uses Polish plurals", () => {
    const say = wordsIn("web", "pl");
    const left = (available: number) =>
      say(refusal("CONFLICT", "Only a few left.", "out_of_stock_item", { item: "Koszula", available }));
    expect(left(1)).toBe("Dostępna jest tylko 1 sztuka: Koszula.");
    expect(left(3)).toBe("Dostępne są tylko 3 sztuki: Koszula.");
    expect(left(5)).toBe("Dostępnych jest tylko 5 sztuk: Koszula.");
  });

  it("never shows the server's English for a failure without a reason", () => {
    const say = wordsIn("admin", "pl");
    expect(say(refusal("CONFLICT", "This conflicts with a change made at the same time."))).toBe(
      "W tej samej chwili ktoś to zmienił. Spróbuj ponownie.",
    );
    expect(say(refusal("INTERNAL_SERVER_ERROR", "Something went wrong on our side."))).toMatch(/^Coś poszło nie tak/);
  });
});
