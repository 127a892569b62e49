import { getImageProps } from "next/image";
import { preload } from "react-dom";

/** `/api/images/<id>` answers at the width asked for (rounded up to a stored one), cached for a year. */
const loader = ({ src, width }: { src: string; width: number }) => `${src}?w=${width}`;

/**
 * A picture stored by the platform: the browser picks the width it needs from `sizes`, and the image route
 * resizes. `getImageProps` computes next/image's `srcSet` without its client component, so a server-rendered
 * card ships no script for its picture; a priority picture (the first screen's) is preloaded as next/image would.
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
  const { props } = getImageProps({
    src: `/api/images/${id}`,
    loader,
    alt,
    width: 800,
    height: 1000,
    sizes,
    priority,
    className: `block w-full h-auto ${className}`,
  });
  if (priority)
    preload(props.src, { as: "image", imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: "high" });
  // next/image's own markup (width, height, srcSet, decoding), from getImageProps above.
  return <img {...props} />;
}
