import { localeRequestConfig } from "@omni/ui/locale-request";

export default localeRequestConfig((locale) => import(`../../messages/${locale}.json`));
