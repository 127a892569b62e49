import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { EmptyState } from "@omni/ui/empty-state";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <EmptyState
      title={t("notFound")}
      action={
        <Link href="/" className="font-semibold text-sky-800 underline">
          {t("home")}
        </Link>
      }
    >
      {t("notFoundHint")}
    </EmptyState>
  );
}
