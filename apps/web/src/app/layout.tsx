import { auth } from "@/auth";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import type { Viewport } from "next";
import type { ReactNode } from "react";

import { AppDocument, appMetadata } from "@omni/ui/app-document";

import { Providers } from "./providers";

import "./globals.css";

export const generateMetadata = () => appMetadata({ withDescription: true });

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  return (
    <AppDocument bodyClassName="flex min-h-screen flex-col bg-white text-slate-900 antialiased">
      <Providers signedIn={!!session?.user}>
        <SiteHeader />
        {/* At least a screen tall, so the footer starts below the fold and does not jump when a streamed page arrives (CLS). */}
        <main id="main" className="mx-auto min-h-screen w-full max-w-6xl flex-1 px-4 py-4 sm:py-6">
          {children}
        </main>
        <SiteFooter />
      </Providers>
    </AppDocument>
  );
}
