import type en from "../../messages/en.json";

/** One namespace of the shop's message catalogue, as a server component hands it to a client island. */
export type Words<N extends keyof typeof en> = (typeof en)[N];

/**
 * `t` for a client island without next-intl's client runtime: the server passes the island the plain strings of
 * one namespace (no plural or select forms: those are worded on the server) and this fills in `{name}`.
 */
export function translator<W extends Record<string, string>>(words: W) {
  return (key: keyof W & string, params?: Record<string, string | number>): string => {
    const template = words[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
