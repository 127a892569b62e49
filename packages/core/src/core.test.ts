import { describe, expect, it } from "vitest";

import {
  distanceKm,
  formatMoney,
  fromScan,
  isOrderDone,
  newIdempotencyKey,
  normalizeOrderNumber,
  orderFromScan,
} from ".";

describe("the pure rules shared by browser and server", () => {
  it("reads a scanned link or a bare code the same way", () => {
    expect(fromScan(" https://shop.example/handoff?code=AB12CD ", "code")).toBe("AB12CD");
    expect(fromScan("https://shop.example/returns/RT-500007", "code")).toBe("RT-500007");
    expect(fromScan("ab12cd", "code")).toBe("ab12cd");
    expect(orderFromScan("https://shop.example/orders/OM-100042?email=a%40b.pl")).toEqual({
      orderNumber: "OM-100042",
      email: "a@b.pl",
    });
    expect(normalizeOrderNumber(" om 100042")).toBe("OM-100042");
  });

  it("formats money per locale and measures distance", () => {
    expect(formatMoney(12999, "PLN", "pl").replace(/\s/g, " ")).toBe("129,99 zł");
    expect(formatMoney(12999, "PLN", "en").replace(/\s/g, " ")).toBe("PLN 129.99");
    // Kraków to Warszawa is about 252 km as the crow flies.
    const km = distanceKm({ lat: 50.0614, lng: 19.9366 }, { lat: 52.2297, lng: 21.0122 });
    expect(km).toBeGreaterThan(251);
    expect(km).toBeLessThan(254);
  });

  it("says once which order statuses are done, and makes distinct keys", () => {
    expect(["collected", "delivered", "cancelled", "expired"].every(isOrderDone)).toBe(true);
    expect(["placed", "picking", "ready_for_pickup", "shipped"].some(isOrderDone)).toBe(false);
    expect(newIdempotencyKey("web")).toMatch(/^web-[0-9a-f]{32}$/);
    expect(newIdempotencyKey("web")).not.toBe(newIdempotencyKey("web"));
  });
});
