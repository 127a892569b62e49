"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** Rating one product of a collected or delivered order: 1–5 stars and an optional comment. */
export function ReviewForm({
  orderNumber,
  email,
  slug,
  title,
}: {
  orderNumber: string;
  email: string;
  slug: string;
  title: string;
}) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("engagement");
  const locale = useLocale();
  const trpc = useTRPC();
  const [rating, setRating] = useState(0);
  const [text, setText] = useState("");
  const create = useMutation(trpc.reviews.create.mutationOptions());
  if (create.isSuccess) {
    return (
      <p role="status" data-testid="review-thanks" className="font-medium text-emerald-800">
        {t("reviewThanks")}
      </p>
    );
  }
  return (
    <form
      data-testid="review-form"
      data-slug={slug}
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (rating) create.mutate({ orderNumber, email, slug, rating, text: text.trim() || undefined });
      }}
    >
      <fieldset>
        <legend className="font-medium">{t("rateProduct", { title })}</legend>
        <div className="mt-1 flex gap-1" role="radiogroup" aria-label={t("stars")}>
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={rating === n}
              aria-label={t("starsCount", { count: n })}
              data-testid={`star-${n}`}
              onClick={() => setRating(n)}
              className={`min-h-11 min-w-11 rounded-lg text-2xl focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600 ${n <= rating ? "text-amber-500" : "text-slate-300"}`}
            >
              ★
            </button>
          ))}
        </div>
      </fieldset>
      <label className="block text-sm font-semibold text-slate-800" htmlFor={`review-${slug}`}>
        {t("comment")}
      </label>
      <textarea
        id={`review-${slug}`}
        data-testid="review-text"
        value={text}
        maxLength={2000}
        onChange={(e) => setText(e.target.value)}
        className="min-h-20 w-full rounded-lg border border-slate-300 p-2"
      />
      {create.error && <ErrorMessage message={errorMessage(create.error)} locale={locale} />}
      <Button type="submit" data-testid="submit-review" disabled={!rating} busy={create.isPending}>
        {t("sendReview")}
      </Button>
    </form>
  );
}
