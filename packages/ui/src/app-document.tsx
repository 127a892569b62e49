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

/** The document of every app: the page in the chosen language, its messages available to client components. */
export async function AppDocument({ bodyClassName, children }: { bodyClassName: string; children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className={bodyClassName}>
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
