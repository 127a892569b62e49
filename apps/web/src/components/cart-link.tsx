"use client";

import { cartSummaryAction } from "@/app/actions/shop";
import Link from "next/link";
import { useEffect } from "react";

import { setCartSummary, storedCartId, useCartSummary } from "./cart-store";

/**
 * The header's cart with the number of items in it. It owns the cart's first read of each page load (and, for a
 * signed-in shopper, bringing the guest cart into the account's); the pages that change the cart update the count.
 */
export function CartLink({ label, signedIn }: { label: string; signedIn: boolean }) {
  const { itemCount } = useCartSummary();
  useEffect(() => {
    const cartId = storedCartId();
    setCartSummary({ cartId });
    if (!cartId && !signedIn) return;
    void cartSummaryAction(cartId, signedIn).then(
      (answer) => {
        if (answer.ok) setCartSummary(answer.data);
      },
      () => undefined,
    );
    // Runs once per page load: signing in or out reloads the page.
  }, [signedIn]);
  return (
    <Link
      href="/cart"
      data-testid="cart-link"
      aria-label={`${label}: ${itemCount}`}
      className="relative flex min-h-11 min-w-11 items-center justify-center rounded-lg text-slate-800 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 7h12l-1 13H7L6 7Z" />
        <path d="M9 7a3 3 0 0 1 6 0" />
      </svg>
      <span
        data-testid="cart-count"
        className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-slate-900 px-1 text-center text-xs font-bold leading-5 text-white"
      >
        {itemCount}
      </span>
    </Link>
  );
}
