import createNextIntlPlugin from "next-intl/plugin";

import { createNextConfig } from "@omni/next-config";

export default createNextIntlPlugin("./src/i18n/request.ts")(
  createNextConfig({ camera: true, frameablePaths: ["/orders/:number/receipt"] }),
);
