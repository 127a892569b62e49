/** Cookies the shop keeps in the browser. Both are readable by scripts: they are not secrets of the account. */
export const CART_COOKIE = "omni-cart";
export const STORE_COOKIE = "omni-store";
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** A year: a shopper's store and language outlive a session. */
export const COOKIE_MAX_AGE = 60 * 60 * 24 * 365;
