"use client";

import { translator, type Words } from "@/lib/words";
import { lazy, Suspense, useEffect, useRef, useState } from "react";

/** Below the fold on a phone: the list's code, and its first request, wait until the section comes near the screen. */
const ReviewList = lazy(() => import("./review-list").then((m) => ({ default: m.ReviewList })));

/** The published reviews of a product by verified buyers of every channel, newest first, with the shop's replies. */
export function ProductReviews({ slug, words, locale }: { slug: string; words: Words<"engagement">; locale: string }) {
  const section = useRef<HTMLElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = section.current;
    if (!element || near) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: "600px 0px",
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return (
    <section ref={section} data-testid="reviews" className="space-y-3">
      <h2 className="text-lg font-semibold">{translator(words)("reviews")}</h2>
      {near && (
        <Suspense fallback={null}>
          <ReviewList slug={slug} words={words} locale={locale} />
        </Suspense>
      )}
    </section>
  );
}
