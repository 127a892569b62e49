"use client";

import { PageHeader } from "@/components/page-header";
import { useTranslations } from "next-intl";
import Link from "next/link";

import { ApiKeysPanel } from "./api-keys-panel";
import { WebhooksPanel } from "./webhooks-panel";

/** Admins connect other programs: API keys, webhooks, and a link to the API reference. */
export function IntegrationsScreen() {
  const t = useTranslations("integrations");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link
            href="/integrations/api-reference"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100"
            data-testid="api-reference-link"
          >
            {t("reference")}
          </Link>
        }
      />
      <div className="flex flex-col gap-5">
        <ApiKeysPanel />
        <WebhooksPanel />
      </div>
    </>
  );
}
