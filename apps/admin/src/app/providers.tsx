"use client";

import type { ReactNode } from "react";

import { ApiProvider } from "@omni/ui/trpc";

export function Providers({ children }: { children: ReactNode }) {
  return <ApiProvider>{children}</ApiProvider>;
}
