import { HandoffForm } from "@/components/handoff-form";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handoff"))("title") };
}

export default async function HandoffPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const t = await getTranslations("handoff");
  const { code } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <HandoffForm initialCode={typeof code === "string" ? code.slice(0, 64) : ""} />
    </div>
  );
}
