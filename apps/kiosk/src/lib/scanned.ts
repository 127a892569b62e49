/**
 * What a scanned QR code holds: often a link into the shop (`…?code=AB12CD`), sometimes the bare
 * code. Returns the named parameter when the text is a link that has it, else the text itself.
 */
export function fromScan(text: string, ...names: string[]): string {
  const trimmed = text.trim();
  try {
    const url = new URL(trimmed);
    for (const name of names) {
      const value = url.searchParams.get(name);
      if (value) return value;
    }
    const last = url.pathname.split("/").filter(Boolean).pop();
    return last ? decodeURIComponent(last) : trimmed;
  } catch {
    return trimmed;
  }
}

/** An order QR code may carry both the order number and the e-mail. */
export function orderFromScan(text: string): { orderNumber: string; email: string | null } {
  const trimmed = text.trim();
  try {
    const url = new URL(trimmed);
    const orderNumber =
      url.searchParams.get("orderNumber") ??
      url.searchParams.get("order") ??
      url.pathname.split("/").filter(Boolean).pop() ??
      "";
    return { orderNumber: decodeURIComponent(orderNumber), email: url.searchParams.get("email") };
  } catch {
    return { orderNumber: trimmed, email: null };
  }
}
