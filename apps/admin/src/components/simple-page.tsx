import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** The page title of a back-office screen, from its navigation label. */
export const navTitle = (key: string) =>
  async function generateMetadata(): Promise<Metadata> {
    return { title: (await getTranslations("nav"))(key) };
  };
