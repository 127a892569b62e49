/**
 * The HTTP answer of an app's receipt route (`/orders/<number>/receipt?email=…`): the PDF of a completed
 * order, shown in the browser, or the refusal in words (an order not completed, a wrong e-mail).
 */
export async function receiptResponse(
  request: Request,
  orderNumber: string,
  fetchReceipt: (input: {
    orderNumber: string;
    email?: string;
  }) => Promise<{ pdfBase64: string; contentType: string; fileName: string }>,
): Promise<Response> {
  const email = new URL(request.url).searchParams.get("email")?.trim().slice(0, 320) || undefined;
  try {
    const receipt = await fetchReceipt({ orderNumber: decodeURIComponent(orderNumber).slice(0, 64), email });
    return new Response(Buffer.from(receipt.pdfBase64, "base64"), {
      headers: {
        "content-type": receipt.contentType,
        "content-disposition": `inline; filename="${receipt.fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return new Response(error instanceof Error ? error.message : String(error), {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
}
