import { TestBank } from "@/components/test-bank";

import { localPath } from "@omni/core";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ session?: string; amount?: string; currency?: string; return?: string }> };

/** The small in-app bank of the test pay-by-link transfer: stands in for the bank's own payment page. */
export default async function TestBankPage({ searchParams }: Props) {
  const query = await searchParams;
  // Back to a path on the shop only: a "starts with one slash" check let `/\evil.com` through (see localPath).
  const back = localPath(query.return, "/");
  return (
    <TestBank
      session={(query.session ?? "").slice(0, 64)}
      amountMinor={Number(query.amount) || 0}
      currency={(query.currency ?? "PLN").slice(0, 3)}
      returnTo={back}
    />
  );
}
