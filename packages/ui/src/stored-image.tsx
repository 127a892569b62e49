"use client";

import Image from "next/image";

/** `/api/images/<id>` answers at the width asked for (rounded up to a stored one), cached for a year. */
const loader = ({ src, width }: { src: string; width: number }) => `${src}?w=${width}`;

/**
 * A picture stored by the platform, through `next/image`: the browser picks the width it needs from `sizes`, and
 * the image route resizes. A client component because a loader is a function, which a server component cannot pass.
 */
export function StoredImage({
  id,
  alt,
  sizes,
  priority = false,
  className = "",
}: {
  id: string;
  alt: string;
  sizes: string;
  priority?: boolean;
  className?: string;
}) {
  return (
    <Image
      src={`/api/images/${id}`}
      loader={loader}
      alt={alt}
      width={800}
      height={1000}
      sizes={sizes}
      priority={priority}
      className={`block w-full h-auto ${className}`}
    />
  );
}
