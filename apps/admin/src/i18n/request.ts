import { localeRequestConfig } from "@omni/ui/locale-request";

// Stores are in Poland: times read the same on every clerk's screen and in server rendering.
export default localeRequestConfig((locale) => import(`../../messages/${locale}.json`), {
  timeZone: "Europe/Warsaw",
});
