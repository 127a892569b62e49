"use client";

import { chooseStore } from "@/lib/actions";
import { useTranslations } from "next-intl";
import { useTransition } from "react";

import { useStaff } from "./staff-context";

/** The store every screen works on, limited to the stores the person works in (admins see all). */
export function StoreSwitcher() {
  const t = useTranslations("shell");
  const { storeId, stores } = useStaff();
  const [pending, start] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-slate-500">{t("store")}</span>
      <select
        data-testid="store-switcher"
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 font-medium disabled:opacity-60"
        value={storeId}
        disabled={pending || stores.length < 2}
        onChange={(e) => start(() => chooseStore(e.target.value))}
      >
        {stores.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
