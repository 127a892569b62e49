/** "129,99" or "129.99" typed by a clerk → 12999 minor units; null when it is not a price. */
export function parseMoney(text: string): number | null {
  const clean = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}
