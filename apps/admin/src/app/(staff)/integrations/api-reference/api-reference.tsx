"use client";

import { PageHeader } from "@/components/page-header";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import Link from "next/link";

import { Spinner } from "@omni/ui/spinner";

// Scalar draws in the browser only; it is bundled from npm, as the content security policy allows no outside scripts.
const Reference = dynamic(() => import("./scalar-reference").then((module) => module.ScalarReference), {
  ssr: false,
  loading: () => <Spinner />,
});

/** A readable reference of the REST API, drawn from this app's `/api/openapi.json`. */
export function ApiReference() {
  const t = useTranslations("integrations");
  return (
    <>
      <PageHeader
        title={t("reference")}
        description={t("referenceDescription")}
        actions={
          <Link href="/integrations" className="text-sm text-sky-700 underline">
            {t("back")}
          </Link>
        }
      />
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white" data-testid="api-reference">
        <Reference />
      </div>
    </>
  );
}
