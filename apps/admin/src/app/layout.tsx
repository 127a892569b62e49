import type { ReactNode } from "react";

import { AppDocument, appMetadata } from "@omni/ui/app-document";

import { Providers } from "./providers";

import "./globals.css";

export const generateMetadata = () => appMetadata();

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <AppDocument bodyClassName="min-h-screen bg-white text-slate-900 antialiased">
      <Providers>{children}</Providers>
    </AppDocument>
  );
}
