import { getDb, type Database } from "@omni/db";
import { readProductImage, type ImageStore } from "@omni/domain/catalog";
import { DomainError } from "@omni/domain/kernel";

/**
 * `GET /api/images/<id>?w=<px>` of every app: a product picture resized to the next stored width (WebP). The id never
 * changes for a picture (a new upload is a new id), so answers are cached for a year as immutable.
 */
export function createImageRouteHandler(dependencies: { db?: () => Database; store?: ImageStore } = {}) {
  const { db = getDb, store } = dependencies;
  return async (request: Request, context: { params: Promise<{ id: string }> }) => {
    const { id } = await context.params;
    const requested = Number(new URL(request.url).searchParams.get("w") ?? 960);
    const width = Number.isFinite(requested) ? Math.min(3840, Math.max(16, Math.round(requested))) : 960;
    try {
      const image = await readProductImage(db(), { imageId: id, width }, store);
      return new Response(new Uint8Array(image.data), {
        headers: {
          "content-type": image.contentType,
          "cache-control": "public, max-age=31536000, immutable",
          "x-image-width": String(image.width),
        },
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === "NOT_FOUND")
        return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
      throw error;
    }
  };
}
