"use client";

import { reviewsAction } from "@/app/actions/shop";
import { translator, type Words } from "@/lib/words";
import { useCallback, useEffect, useState } from "react";

import { Button } from "@omni/ui/button";
import { channelLabel } from "@omni/ui/channel";
import { ErrorMessage } from "@omni/ui/error-message";
import { formatDateTime } from "@omni/ui/labels";
import { RatingStars } from "@omni/ui/rating-stars";

import { useAction } from "./error-words";

type Page = Extract<Awaited<ReturnType<typeof reviewsAction>>, { ok: true }>["data"];

/** The reviews themselves, loaded when the section comes near the screen (see product-reviews.tsx). */
export function ReviewList({ slug, words, locale }: { slug: string; words: Words<"engagement">; locale: string }) {
  const t = translator(words);
  const call = useAction();
  const [items, setItems] = useState<Page["items"]>([]);
  const [next, setNext] = useState<Page["nextCursor"] | undefined>(undefined);
  const [state, setState] = useState<{ loaded: boolean; busy: boolean; error: string | null }>({
    loaded: false,
    busy: true,
    error: null,
  });
  const load = useCallback(
    (cursor: Page["nextCursor"] | undefined) => {
      setState((s) => ({ ...s, busy: true }));
      void call(reviewsAction({ slug, limit: 5, cursor: cursor ?? undefined })).then((answer) => {
        if (answer.ok) {
          setItems((known) => (cursor ? [...known, ...answer.data.items] : answer.data.items));
          setNext(answer.data.nextCursor);
        }
        setState((s) => ({ loaded: s.loaded || answer.ok, busy: false, error: answer.ok ? null : answer.message }));
      });
    },
    [slug, call],
  );
  useEffect(() => load(undefined), [load]);
  return (
    <>
      {state.error && <ErrorMessage message={state.error} locale={locale} />}
      {state.loaded && !items.length && <p className="text-slate-600">{t("noReviews")}</p>}
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
      {next && state.loaded && (
        <Button variant="secondary" busy={state.busy} onClick={() => load(next)}>
          {t("moreReviews")}
        </Button>
      )}
    </>
  );
}
