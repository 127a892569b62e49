import createNextIntlPlugin from "next-intl/plugin";

import { createNextConfig } from "@omni/next-config";

export default createNextIntlPlugin("./src/i18n/request.ts")({
  ...createNextConfig(),
  // The widths a picture's `srcset` offers are the ones `/api/images/<id>` stores (`imageWidths` of
  // @omni/domain/catalog), so that what the browser picks is what it gets (Next's default offers 384 px and gets
  // 640), and six candidates instead of ten keep each card's markup, twice in the HTML (tags and RSC), shorter.
  images: { imageSizes: [160, 320], deviceSizes: [640, 960, 1280, 1920] },
});
