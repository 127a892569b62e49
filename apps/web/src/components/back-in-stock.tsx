"use client";

import { translator, type Words } from "@/lib/words";
import { lazy, Suspense, useState } from "react";

/** Few shoppers open it: the form's code loads when the panel is first opened, not with the page. */
const BackInStockForm = lazy(() => import("./back-in-stock-form").then((m) => ({ default: m.BackInStockForm })));

export type BackInStockProps = {
  words: Words<"engagement">;
  locale: string;
  variants: { sku: string; title: string }[];
  stores: { id: string; name: string }[];
  defaultEmail: string;
};

/**
 * "Tell me when it is back": for a variant out of stock online or in a chosen store, one message when it is
 * available there again.
 */
export function BackInStock(props: BackInStockProps) {
  const [opened, setOpened] = useState(false);
  if (!props.variants.length) return null;
  return (
    <details
      data-testid="back-in-stock"
      className="rounded-xl border border-slate-200 p-3"
      onToggle={(event) => event.currentTarget.open && setOpened(true)}
    >
      <summary className="cursor-pointer font-semibold">{translator(props.words)("notifyMe")}</summary>
      {opened && (
        <Suspense fallback={null}>
          <BackInStockForm {...props} />
        </Suspense>
      )}
    </details>
  );
}
