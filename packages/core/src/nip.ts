/** A Polish tax number (NIP): ten digits, the last a checksum of the others (weights 6 5 7 2 3 4 5 6 7). */
export function normalizeNip(input: string): string {
  return input.replace(/^PL/i, "").replace(/[\s-]/g, "");
}

export function isValidNip(input: string): boolean {
  const nip = normalizeNip(input);
  if (!/^\d{10}$/.test(nip)) return false;
  const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(nip[i]), 0);
  const check = sum % 11;
  return check !== 10 && check === Number(nip[9]);
}
