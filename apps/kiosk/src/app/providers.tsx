"use client";

import { isRevokedKiosk, LockContext } from "@/components/lock";
import { useCallback, useMemo, useState, type ReactNode } from "react";

import { ApiProvider } from "@omni/ui/trpc";

/** React Query and tRPC; any call refused because this kiosk was revoked locks the screen at once. */
export function Providers({ children, initiallyLocked = false }: { children: ReactNode; initiallyLocked?: boolean }) {
  const [locked, setLocked] = useState(initiallyLocked);
  const lock = useCallback(() => setLocked(true), []);
  const onError = useCallback((error: unknown) => {
    if (isRevokedKiosk(error)) setLocked(true);
  }, []);
  const value = useMemo(() => ({ locked, lock }), [locked, lock]);
  return (
    <LockContext.Provider value={value}>
      <ApiProvider onError={onError}>{children}</ApiProvider>
    </LockContext.Provider>
  );
}
