import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <section data-testid="not-found" className="flex flex-col items-center gap-10 px-10 py-32 text-center">
      <h1 className="text-6xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl text-3xl text-slate-600">{t("help")}</p>
      <Link
        href="/browse"
        className="flex min-h-24 items-center rounded-2xl bg-slate-900 px-12 text-4xl font-semibold text-white"
      >
        {t("back")}
      </Link>
    </section>
  );
}
