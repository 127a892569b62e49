import { ProductCard, type ProductCardItem } from "./product-card";

/** A row of recommended products under a heading; shared by the server-rendered and the client recommendations. */
export function RecommendationList({
  items,
  title,
  testId,
  locale,
  outOfStockLabel,
}: {
  items: ProductCardItem[];
  title: string;
  testId: string;
  locale: string;
  outOfStockLabel: string;
}) {
  if (!items.length) return null;
  return (
    <section data-testid={testId} aria-label={title} className="space-y-3">
      <h2 className="text-xl font-bold">{title}</h2>
      <ul className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {items.map((item) => (
          <li key={item.slug}>
            <ProductCard item={item} locale={locale} outOfStockLabel={outOfStockLabel} />
          </li>
        ))}
      </ul>
    </section>
  );
}
