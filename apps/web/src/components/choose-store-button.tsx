"use client";

import { useTranslations } from "next-intl";

import { Button } from "@omni/ui/button";

import { usePreferredStore } from "./use-preferred-store";

/** "Make this my store" on a store page; the choice is kept in a cookie and on the account. */
export function ChooseStoreButton({
  storeId,
  initial,
  signedIn,
}: {
  storeId: string;
  initial: string | null;
  signedIn: boolean;
}) {
  const t = useTranslations("stores");
  const { storeId: chosen, chooseStore } = usePreferredStore(initial, signedIn);
  if (chosen === storeId)
    return (
      <p className="font-semibold text-emerald-800" data-testid="is-my-store">
        ✓ {t("isMine")}
      </p>
    );
  return (
    <Button variant="secondary" data-testid="make-my-store" onClick={() => chooseStore(storeId)}>
      {t("makeMine")}
    </Button>
  );
}
