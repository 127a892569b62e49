/** An EAN-13 (GTIN-13) barcode: thirteen digits, the last a checksum of the others (weights 1 3 1 3 …). */
export function isValidEan13(input: string): boolean {
  if (!/^\d{13}$/.test(input)) return false;
  const sum = [...input.slice(0, 12)].reduce((acc, d, i) => acc + Number(d) * (i % 2 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === Number(input[12]);
}
