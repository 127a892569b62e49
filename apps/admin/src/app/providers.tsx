"use client";

import { ApiProvider } from "@omni/ui/trpc";
import type { ReactNode } from "react";

export function Providers({ children }: { children: ReactNode }) {
  return <ApiProvider>{children}</ApiProvider>;
}
