import { serverErrorMessage } from "@/lib/trpc-errors";
import { serverApi } from "@/server/api";

/** The receipt (or invoice) PDF of a completed order, for its e-mail or its signed-in owner. */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const orderNumber = decodeURIComponent((await params).number).slice(0, 64);
  const email = new URL(request.url).searchParams.get("email")?.trim().slice(0, 320) || undefined;
  try {
    const receipt = await (await serverApi()).orders.receipt({ orderNumber, email });
    return new Response(Buffer.from(receipt.pdfBase64, "base64"), {
      headers: {
        "content-type": receipt.contentType,
        "content-disposition": `inline; filename="${receipt.fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return new Response(serverErrorMessage(error), {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
}
