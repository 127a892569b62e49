"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";

import { useStaff, type StaffInfo } from "./staff-context";

type Item = { href: string; key: string; roles?: StaffInfo["role"][] };

/** What each role sees; the server still checks every call. */
const items: Item[] = [
  { href: "/", key: "dashboard" },
  { href: "/counter", key: "counter" },
  { href: "/gift-cards", key: "giftCards" },
  { href: "/pickup", key: "pickup" },
  { href: "/pickup/collect", key: "collect" },
  { href: "/orders", key: "orders" },
  { href: "/reservations", key: "reservations" },
  { href: "/returns", key: "returns" },
  { href: "/members", key: "members" },
  { href: "/stock", key: "stock" },
  { href: "/transfers", key: "transfers" },
  { href: "/replenishment", key: "replenishment", roles: ["manager", "admin"] },
  { href: "/products", key: "products" },
  { href: "/promotions", key: "promotions" },
  { href: "/analytics", key: "analytics", roles: ["manager", "admin"] },
  { href: "/analytics/forecast", key: "forecast", roles: ["manager", "admin"] },
  { href: "/notifications", key: "notifications" },
  { href: "/notifications/templates", key: "templates", roles: ["admin"] },
  { href: "/reviews", key: "reviews", roles: ["admin"] },
  { href: "/devices", key: "devices", roles: ["manager", "admin"] },
  { href: "/staff", key: "staff", roles: ["admin"] },
  { href: "/integrations", key: "integrations", roles: ["admin"] },
  { href: "/audit", key: "audit" },
];

export function Nav() {
  const t = useTranslations("nav");
  const { role } = useStaff();
  const path = usePathname();
  const active = (href: string) =>
    href === "/"
      ? path === "/"
      : path === href ||
        (path.startsWith(`${href}/`) &&
          !items.some((i) => i.href !== href && i.href.startsWith(href) && path.startsWith(i.href)));
  return (
    <nav aria-label={t("label")} className="flex flex-col gap-0.5 p-3">
      {items
        .filter((i) => !i.roles || i.roles.includes(role))
        .map((i) => (
          <Link
            key={i.href}
            href={i.href}
            data-testid={`nav-${i.key}`}
            aria-current={active(i.href) ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${active(i.href) ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-200"}`}
          >
            {t(i.key)}
          </Link>
        ))}
    </nav>
  );
}
