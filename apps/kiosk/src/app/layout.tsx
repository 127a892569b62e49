import { auth } from "@/auth";
import { KioskShell } from "@/components/kiosk-shell";
import { PairScreen } from "@/components/pair-screen";
import { kioskEnv } from "@/env";
import { loadDeviceState } from "@/server/device";
import { idleTimeouts } from "@/server/settings";
import type { Viewport } from "next";
import type { ReactNode } from "react";

import { AppDocument, appMetadata } from "@omni/ui/app-document";

import { Providers } from "./providers";

import "./globals.css";

export const generateMetadata = () => appMetadata();

export const viewport: Viewport = { width: 1080, initialScale: 1, userScalable: false };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const device = await loadDeviceState();
  const session = device.state === "paired" ? await auth() : null;
  const shopper = session?.user ? { name: session.user.name, email: session.user.email } : null;
  return (
    <AppDocument bodyClassName="min-h-screen select-none overflow-x-hidden bg-white text-slate-900 antialiased">
      <Providers initiallyLocked={device.state === "locked"}>
        {device.state === "unpaired" ? (
          <PairScreen allowDeviceToken={kioskEnv.OMNI_DEMO} />
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
    </AppDocument>
  );
}
