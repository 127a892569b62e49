import { serverApi } from "@/server/api";

import { receiptResponse } from "@omni/api/receipt-response";

/** The receipt (or invoice) PDF of a completed order, for its e-mail or its signed-in owner. */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const api = await serverApi();
  return receiptResponse(request, (await params).number, (input) => api.orders.receipt(input));
}
