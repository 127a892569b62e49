"use client";

import { inputClass, labelClass } from "@/components/page-header";
import { useTranslations } from "next-intl";

/**
 * "Send me offers" at the till: the shopper's own "yes" to marketing e-mail, recorded with the sale as the
 * shop's checkout tick is (the address's owner confirms it by the e-mailed link). The address is the member's,
 * or the one typed for the delivery, or one typed here for a walk-in who takes the goods now.
 */
export function CounterOffers({
  checked,
  onChecked,
  memberEmail,
  askEmail,
  email,
  onEmail,
}: {
  checked: boolean;
  onChecked: (checked: boolean) => void;
  memberEmail: string | null;
  /** No address field elsewhere on the form: this one asks for it. */
  askEmail: boolean;
  email: string;
  onEmail: (email: string) => void;
}) {
  const t = useTranslations("counter");
  return (
    <div className="mt-4 border-t border-slate-200 pt-3" data-testid="counter-offers">
      <label className="flex min-h-12 items-center gap-3 text-lg">
        <input
          type="checkbox"
          className="h-6 w-6"
          checked={checked}
          onChange={(e) => onChecked(e.target.checked)}
          data-testid="counter-offers-check"
        />
        {t("offers")}
      </label>
      {checked && (
        <div className="mt-1 grid gap-2">
          {askEmail && (
            <label className={labelClass}>
              {t("contact.email")}
              <input
                className={`${inputClass} min-h-12`}
                type="email"
                value={email}
                onChange={(e) => onEmail(e.target.value)}
                required
                data-testid="counter-offers-email"
              />
            </label>
          )}
          <p className="text-sm text-slate-600">
            {memberEmail && !email.trim() ? `${t("offersTo", { email: memberEmail })} ` : ""}
            {t("offersHint")}
          </p>
        </div>
      )}
    </div>
  );
}
