"use client";

import { ListState } from "@/components/list-state";
import { PageHeader, Panel } from "@/components/page-header";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { useTRPC } from "@omni/ui/trpc";

/** Each message template with sample data, Polish beside English, so staff read it before a shopper does. */
export function TemplatesScreen() {
  const t = useTranslations("notifications");
  const trpc = useTRPC();
  const templates = useQuery(trpc.messageTemplates.list.queryOptions());
  return (
    <>
      <PageHeader title={t("templatesTitle")} description={t("templatesDescription")} />
      <ListState query={templates} empty={t("none")}>
        {(rows) => (
          <div className="space-y-4">
            {rows.map((row) => (
              <Panel
                key={`${row.template}-${row.channel}-${row.variant ?? ""}`}
                testId="template-preview"
                title={
                  <span data-template={row.template}>
                    {t(`templateNames.${row.template}`)}
                    {row.variant && (
                      <span className="ml-1 font-normal text-slate-600">({t(`variants.${row.variant}`)})</span>
                    )}
                    <span className="ml-2 text-xs uppercase text-slate-500">
                      {row.channel === "sms" ? t("channelSms") : t("channelEmail")}
                    </span>
                  </span>
                }
              >
                <div className="grid grid-cols-2 gap-4">
                  {(["pl", "en"] as const).map((locale) => (
                    <div key={locale} lang={locale} data-testid={`template-${locale}`}>
                      <p className="text-xs font-semibold uppercase text-slate-500">
                        {locale === "pl" ? t("languagePl") : t("languageEn")}
                      </p>
                      {row[locale].subject && <p className="font-semibold">{row[locale].subject}</p>}
                      <p className="whitespace-pre-wrap text-sm">{row[locale].body}</p>
                    </div>
                  ))}
                </div>
              </Panel>
            ))}
          </div>
        )}
      </ListState>
    </>
  );
}
