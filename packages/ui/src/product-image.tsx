/**
 * A product picture drawn on the spot from the product's hue and title: no image files to download
 * or store, and every product still looks distinct.
 */
export function ProductImage({
  title,
  hue,
  className = "",
  thumbnail = false,
}: {
  title: string;
  hue: number;
  className?: string;
  thumbnail?: boolean;
}) {
  const initials = title
    .split(/\s+/)
    .slice(-2)
    .map((w) => w[0])
    .join("")
    .toUpperCase();
  const id = `g${hue}-${initials}`;
  return (
    // A thumbnail sits inside a labelled control: it is decoration there, and its initials would be unreadable
    // and would not match the control's name (WCAG 2.5.3).
    <svg
      viewBox="0 0 400 500"
      {...(thumbnail ? { "aria-hidden": true } : { role: "img", "aria-label": title })}
      className={`block w-full h-auto ${className}`}
    >
      <defs>
        <linearGradient id={id} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor={`hsl(${hue} 55% 86%)`} />
          <stop offset="1" stopColor={`hsl(${(hue + 40) % 360} 45% 70%)`} />
        </linearGradient>
      </defs>
      <rect width="400" height="500" fill={`url(#${id})`} />
      <path
        d="M120 140 L170 110 Q200 135 230 110 L280 140 L310 210 L270 225 L265 400 L135 400 L130 225 L90 210 Z"
        fill={`hsl(${hue} 35% 40% / 0.85)`}
      />
      {!thumbnail && (
        <text
          x="200"
          y="470"
          textAnchor="middle"
          fontFamily="system-ui, sans-serif"
          fontSize="28"
          fontWeight="700"
          fill={`hsl(${hue} 40% 25%)`}
        >
          {initials}
        </text>
      )}
    </svg>
  );
}
