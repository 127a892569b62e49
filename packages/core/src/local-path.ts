const SELF = "http://self.invalid";

/**
 * A `next=` target as a path on this app, or `fallback`. Resolved the way a browser will resolve it,
 * against the app's own origin: `//evil.com`, `/\evil.com` (browsers read the backslash as a slash),
 * `https://evil.com` and `javascript:` all leave the origin and are refused, which a "starts with one
 * slash" check lets through.
 */
export function localPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value || value.length > 2000) return fallback;
  try {
    const url = new URL(value, SELF);
    if (url.origin !== SELF) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
