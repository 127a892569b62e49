import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

import { DocumentShell } from "./document-shell";

export { appMetadata } from "./document-shell";

/** The document of every app: the page in the chosen language, its messages available to client components. */
export async function AppDocument({ bodyClassName, children }: { bodyClassName: string; children: ReactNode }) {
  return (
    <DocumentShell bodyClassName={bodyClassName}>
      <ClientMessages>{children}</ClientMessages>
    </DocumentShell>
  );
}

/**
 * The app's messages for the client components below. The shop's root layout uses DocumentShell without them,
 * and its interactive routes' layouts wrap their pages in this.
 */
export function ClientMessages({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
