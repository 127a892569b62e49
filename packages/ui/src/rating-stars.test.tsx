// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { RatingStars } from "./rating-stars";

afterEach(cleanup);

describe("RatingStars", () => {
  it("reads out the average and count in Polish with the right plural, and draws rounded stars", () => {
    render(<RatingStars rating={{ average: 3.5, count: 3 }} locale="pl" />);
    const rating = screen.getByTestId("rating");
    expect(rating.getAttribute("aria-label")).toBe("Ocena 3,5 na 5 (3 opinie)");
    expect(rating.dataset.average).toBe("3.5");
    expect(rating.textContent).toContain("★★★★★");
    cleanup();
    render(<RatingStars rating={{ average: 4, count: 12 }} locale="pl" />);
    expect(screen.getByTestId("rating").getAttribute("aria-label")).toBe("Ocena 4 na 5 (12 opinii)");
    cleanup();
    render(<RatingStars rating={{ average: 5, count: 1 }} locale="en" />);
    expect(screen.getByTestId("rating").getAttribute("aria-label")).toBe("Rated 5 out of 5 (1 review)");
  });

  it("shows nothing without reviews unless asked to say so", () => {
    const { container } = render(<RatingStars rating={{ average: null, count: 0 }} locale="en" />);
    expect(container.textContent).toBe("");
    cleanup();
    render(<RatingStars rating={{ average: null, count: 0 }} locale="en" showEmpty />);
    expect(screen.getByTestId("rating").textContent).toBe("No reviews yet");
  });
});
