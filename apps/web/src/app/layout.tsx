import { ErrorWords } from "@/components/error-words";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import type { Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { appMetadata, DocumentShell } from "@omni/ui/document-shell";

import "./globals.css";

export const generateMetadata = () => appMetadata({ withDescription: true });

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * Home, category and product pages load no more script than their islands need: React Query, the tRPC client
 * and next-intl's client messages come with the interactive routes' own layouts (shop-providers.tsx).
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [t, failures] = await Promise.all([getTranslations("errors"), getTranslations("domainErrors")]);
  return (
    <DocumentShell bodyClassName="flex min-h-screen flex-col bg-white text-slate-900 antialiased">
      <SiteHeader />
      {/* At least a screen tall, so the footer starts below the fold and does not jump when a streamed page arrives (CLS). */}
      <main id="main" className="mx-auto min-h-screen w-full max-w-6xl flex-1 px-4 py-4 sm:py-6">
        <ErrorWords
          words={{ title: t("title"), generic: t("generic"), network: failures("network") }}
          locale={await getLocale()}
        >
          {children}
        </ErrorWords>
      </main>
      <SiteFooter />
    </DocumentShell>
  );
}
