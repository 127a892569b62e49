"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";

import { Button } from "@omni/ui/button";
import { channelLabel } from "@omni/ui/channel";
import { ErrorMessage } from "@omni/ui/error-message";
import { formatDateTime } from "@omni/ui/labels";
import { RatingStars } from "@omni/ui/rating-stars";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** The published reviews of a product by verified buyers of every channel, newest first, with the shop's replies. */
export function ProductReviews({ slug }: { slug: string }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("engagement");
  const locale = useLocale();
  const trpc = useTRPC();
  const reviews = useInfiniteQuery(
    trpc.reviews.list.infiniteQueryOptions({ slug, limit: 5 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const items = reviews.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section data-testid="reviews" className="space-y-3">
      <h2 className="text-lg font-semibold">{t("reviews")}</h2>
      {reviews.error && <ErrorMessage message={errorMessage(reviews.error)} locale={locale} />}
      {reviews.isSuccess && !items.length && <p className="text-slate-600">{t("noReviews")}</p>}
      <ul className="space-y-3">
        {items.map((review, i) => (
          <li key={i} data-testid="review" className="rounded-xl border border-slate-200 p-3">
            <RatingStars rating={{ average: review.rating, count: 1 }} locale={locale} />
            {review.text && <p className="mt-1 whitespace-pre-line text-slate-800">{review.text}</p>}
            <p className="mt-1 text-sm text-slate-600">
              {t("reviewBy", { author: review.author, channel: channelLabel(review.channel, locale) })} ·{" "}
              {formatDateTime(review.at, locale)}
            </p>
            {review.reply && (
              <p className="mt-2 rounded-lg bg-slate-50 p-2 text-sm text-slate-800">
                <strong>{t("shopReply")}</strong> {review.reply}
              </p>
            )}
          </li>
        ))}
      </ul>
      {reviews.hasNextPage && (
        <Button variant="secondary" busy={reviews.isFetchingNextPage} onClick={() => void reviews.fetchNextPage()}>
          {t("moreReviews")}
        </Button>
      )}
    </section>
  );
}
