/**
 * The built-in test card provider takes tokens, not card numbers. The checkout maps the well-known
 * test numbers to its tokens; a real provider's card field would produce the token instead.
 */
export const TEST_CARDS = { ok: "4242 4242 4242 4242", declined: "4000 0000 0000 0002" } as const;

export function cardToken(number: string): "tok_ok" | "tok_declined" | null {
  const digits = number.replace(/\D/g, "");
  if (digits === "4242424242424242") return "tok_ok";
  if (digits === "4000000000000002") return "tok_declined";
  return null;
}
