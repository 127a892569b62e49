import { getTranslations } from "next-intl/server";

import { TextField } from "./text-field";

/** Order number + e-mail: a plain GET form to the order page, so it works without scripts. */
export async function OrderLookupForm({ orderNumber = "", email = "" }: { orderNumber?: string; email?: string }) {
  const t = await getTranslations("lookup");
  return (
    <form action="/orders/lookup" method="get" className="space-y-3" data-testid="order-lookup-form">
      <TextField
        id="lookup-number"
        name="number"
        label={t("number")}
        defaultValue={orderNumber}
        required
        autoCapitalize="characters"
        data-testid="lookup-number"
        placeholder="OM-100001"
      />
      <TextField
        id="lookup-email"
        name="email"
        type="email"
        label={t("email")}
        defaultValue={email}
        required
        autoComplete="email"
        data-testid="lookup-email"
      />
      <button
        type="submit"
        data-testid="lookup-submit"
        className="min-h-11 w-full rounded-lg bg-slate-900 px-4 font-semibold text-white hover:bg-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
      >
        {t("submit")}
      </button>
    </form>
  );
}
