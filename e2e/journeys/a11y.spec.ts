import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, test } from "../fixtures";
import { openPage, pagesOf, prepare, screenOf, segmentValues, urlOf } from "./app-pages";

/**
 * Accessibility: axe finds no serious or critical violation (WCAG 2.x A/AA rules) on any page of the
 * three apps: the shop on a phone (signed in, so the account pages count), the paired kiosk on its
 * portrait screen and the back office signed in as an administrator. The page list is read from each
 * app's directory, so a new page is checked without being listed here.
 */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    // The API reference embeds Scalar's viewer, whose styles are not ours to fix.
    .exclude("[data-third-party]")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
}

for (const app of ["web", "kiosk", "admin"] as const) {
  test.describe(`every page of ${app}`, () => {
    // Contrast is judged at rest: a fade-in caught half way would read as faint text.
    test.use({ ...screenOf[app], reducedMotion: "reduce" });

    test("has no serious or critical axe violation", async ({ context, page }) => {
      test.setTimeout(900_000);
      await prepare(app, context, page, "pl");
      const values = await segmentValues(page.request);
      const findings: { page: string; rule: string; impact: unknown; help: string; nodes: string[] }[] = [];
      for (const route of pagesOf(app)) {
        await openPage(page, urlOf(app, route, values));
        for (const violation of await seriousViolations(page)) findings.push({ page: route, ...violation });
      }
      expect(findings).toEqual([]);
    });
  });
}
