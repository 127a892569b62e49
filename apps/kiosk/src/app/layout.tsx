import { auth } from "@/auth";
import { KioskShell } from "@/components/kiosk-shell";
import { PairScreen } from "@/components/pair-screen";
import { env } from "@/env";
import { loadDeviceState } from "@/server/device";
import { idleTimeouts } from "@/server/settings";
import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { Providers } from "./providers";

import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("title"), template: `%s · Omni` } };
}

export const viewport: Viewport = { width: 1080, initialScale: 1, userScalable: false };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const device = await loadDeviceState();
  const session = device.state === "paired" ? await auth() : null;
  const shopper = session?.user ? { name: session.user.name, email: session.user.email } : null;
  return (
    <html lang={locale}>
      <body className="min-h-screen select-none overflow-x-hidden bg-white text-slate-900 antialiased">
        <NextIntlClientProvider>
          <Providers initiallyLocked={device.state === "locked"}>
            {device.state === "unpaired" ? (
              <PairScreen allowDeviceToken={env.demo} />
            ) : (
              <KioskShell
                kiosk={device.state === "paired" ? device.kiosk : null}
                shopper={shopper}
                timeouts={idleTimeouts()}
              >
                {children}
              </KioskShell>
            )}
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
