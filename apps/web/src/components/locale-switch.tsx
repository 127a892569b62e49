import { setLocale } from "@/app/actions/locale";
import { getLocale, getTranslations } from "next-intl/server";

/** PL | EN: a form, so it works before any script has loaded. */
export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  return (
    <form action={setLocale} aria-label={t("language")} className="flex text-sm">
      {(["pl", "en"] as const).map((code) => (
        <button
          key={code}
          name="locale"
          value={code}
          data-testid={`locale-${code}`}
          aria-pressed={locale === code}
          className={`min-h-9 min-w-9 rounded px-2 font-semibold uppercase focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600 ${locale === code ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {code}
        </button>
      ))}
    </form>
  );
}
