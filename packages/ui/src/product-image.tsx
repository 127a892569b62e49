import { drawingFor } from "./product-drawings";
import { StoredImage } from "./stored-image";

/**
 * A product picture: the platform's stored picture when the product has one (`imageId`, served resized by
 * `/api/images/<id>`), else one drawn on the spot from the product's category and hue, so that a product created a
 * minute ago without a picture still has its category's shape (jeans look like jeans, a cap like a cap).
 */
export function ProductImage({
  title,
  hue,
  category,
  imageId,
  sizes = "(min-width: 768px) 33vw, 50vw",
  priority = false,
  eager = false,
  className = "",
  thumbnail = false,
}: {
  title: string;
  hue: number;
  /** The category slug; it picks the drawing. */
  category?: string;
  /** A stored picture of the product (`images[].id` of the catalogue). */
  imageId?: string | null;
  /** How wide the picture shows, for the browser to pick a width (`next/image` sizes). */
  sizes?: string;
  /** The largest picture of the first screen: loaded at once. */
  priority?: boolean;
  /** On the first screen but not the largest picture: not lazily loaded. */
  eager?: boolean;
  className?: string;
  thumbnail?: boolean;
}) {
  if (imageId)
    // A thumbnail sits inside a labelled control: it is decoration there (WCAG 2.5.3).
    return (
      <StoredImage
        id={imageId}
        alt={thumbnail ? "" : title}
        sizes={sizes}
        priority={priority}
        eager={eager}
        className={className}
      />
    );
  const id = `g${hue}-${category ?? "x"}`;
  const draw = drawingFor(category, title);
  return (
    // A thumbnail sits inside a labelled control: it is decoration there (WCAG 2.5.3).
    <svg
      viewBox="0 0 400 500"
      {...(thumbnail ? { "aria-hidden": true } : { role: "img", "aria-label": title })}
      className={`block w-full h-auto ${className}`}
    >
      <defs>
        <linearGradient id={id} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor={`hsl(${hue} 30% 95%)`} />
          <stop offset="1" stopColor={`hsl(${(hue + 40) % 360} 25% 85%)`} />
        </linearGradient>
      </defs>
      <rect width="400" height="500" fill={`url(#${id})`} />
      <ellipse cx="200" cy="460" rx="140" ry="14" fill="black" opacity="0.08" />
      {draw(`hsl(${hue} 45% 45%)`, `hsl(${hue} 45% 25%)`)}
    </svg>
  );
}
