/** Codes are shown in groups and typed in any case; this gives the stored form. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

/** Order numbers are read out and typed loosely: "om 100042", "100042" and "OM-100042" all mean OM-100042. */
export function normalizeOrderNumber(input: string): string {
  return normalizeNumber(input, "OM");
}

/** Return numbers likewise: "rt 500007", "500007" and "RT-500007" all mean RT-500007. */
export function normalizeReturnNumber(input: string): string {
  return normalizeNumber(input, "RT");
}

/** Transfer numbers likewise: "tr 300007", "300007" and "TR-300007" all mean TR-300007. */
export function normalizeTransferNumber(input: string): string {
  return normalizeNumber(input, "TR");
}

function normalizeNumber(input: string, prefix: string): string {
  const digits = input
    .trim()
    .toUpperCase()
    .replace(new RegExp(`^${prefix}[\\s-]*`), "");
  return /^\d+$/.test(digits) ? `${prefix}-${digits}` : input.trim().toUpperCase();
}

function asUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * What a scanned QR code holds: often a link into the shop (`…?code=AB12CD`), sometimes the bare
 * code. Returns the first named parameter the link has, else its last path segment, else the text.
 */
export function fromScan(text: string, ...names: string[]): string {
  const trimmed = text.trim();
  const url = asUrl(trimmed);
  if (!url) return trimmed;
  for (const name of names) {
    const value = url.searchParams.get(name);
    if (value) return value;
  }
  const last = url.pathname.split("/").filter(Boolean).pop();
  return last ? decodeURIComponent(last) : trimmed;
}

/** An order QR code may carry both the order number and the e-mail. */
export function orderFromScan(text: string): { orderNumber: string; email: string | null } {
  const trimmed = text.trim();
  const url = asUrl(trimmed);
  if (!url) return { orderNumber: trimmed, email: null };
  return { orderNumber: fromScan(trimmed, "orderNumber", "order"), email: url.searchParams.get("email") };
}
