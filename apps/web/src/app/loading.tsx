import { getLocale } from "next-intl/server";

import { Spinner } from "@omni/ui/spinner";

export default async function Loading() {
  return <Spinner locale={await getLocale()} />;
}
