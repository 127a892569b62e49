import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** Every app's page title: the page's own, then "· Omni"; the app's name (and tagline) from its "app" messages. */
export async function appMetadata({ withDescription = false } = {}): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("title"), template: `%s · Omni` },
    ...(withDescription ? { description: t("tagline") } : {}),
  };
}

/**
 * The document of every app: the page in the chosen language, its messages available to client components.
 * `clientMessages={false}` leaves next-intl's client provider (and its message formatter, ~12 kB gzip) out of
 * every page: the shop's lean pages pass their islands words as props and provide the messages only where
 * client components translate (`ClientMessages`).
 */
export async function AppDocument({
  bodyClassName,
  clientMessages = true,
  children,
}: {
  bodyClassName: string;
  clientMessages?: boolean;
  children: ReactNode;
}) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className={bodyClassName}>
        {clientMessages ? <NextIntlClientProvider>{children}</NextIntlClientProvider> : children}
      </body>
    </html>
  );
}

/** The app's messages for the client components below, for a document rendered with `clientMessages={false}`. */
export function ClientMessages({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
