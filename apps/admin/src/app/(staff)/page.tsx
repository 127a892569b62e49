import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";

export default async function Dashboard() {
  const t = await getTranslations("nav");
  return <PageHeader title={t("dashboard")} />;
}
