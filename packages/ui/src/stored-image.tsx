import { getImageProps } from "next/image";
import { preload } from "react-dom";

/** `/api/images/<id>` answers at the width asked for (rounded up to a stored one), cached for a year. */
const loader = ({ src, width }: { src: string; width: number }) => `${src}?w=${width}`;

type Loading = {
  /** The largest picture of the first screen (the LCP): fetched first, at high priority, and preloaded. */
  priority?: boolean;
  /** On the first screen but not the largest: fetched at once (not when layout finds it), at normal priority. */
  eager?: boolean;
};

function imageProps({
  id,
  alt,
  sizes,
  priority,
  eager,
  className,
}: { id: string; alt: string; sizes: string; className?: string } & Loading) {
  return getImageProps({
    src: `/api/images/${id}`,
    loader,
    alt,
    width: 800,
    height: 1000,
    sizes,
    // Next 16's `priority`/`preload` no longer set `fetchpriority` on the <img>; without it, React's own preload of
    // the picture has no priority either and Lighthouse counts the LCP request as not prioritised.
    ...(priority ? { preload: true, fetchPriority: "high" as const } : eager ? { loading: "eager" as const } : {}),
    className,
  }).props;
}

/**
 * A picture stored by the platform: the browser picks the width it needs from `sizes`, and the image route
 * resizes. `getImageProps` computes next/image's `srcSet` without its client component, so a server-rendered
 * card ships no script for its picture; a priority picture (the first screen's) is preloaded as next/image would.
 * Every other picture is `loading="lazy"`: a listing's lower rows wait until the shopper scrolls to them.
 */
export function StoredImage({
  id,
  alt,
  sizes,
  priority = false,
  eager = false,
  className = "",
}: {
  id: string;
  alt: string;
  sizes: string;
  className?: string;
} & Loading) {
  const props = imageProps({ id, alt, sizes, priority, eager, className: `block w-full h-auto ${className}` });
  if (priority)
    preload(props.src, { as: "image", imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: "high" });
  // next/image's own markup (width, height, srcSet, decoding), from getImageProps above.
  return <img {...props} />;
}
