import "server-only";

import type { Words } from "@/lib/words";
import { getMessages } from "next-intl/server";

import type en from "../../messages/en.json";

/** The strings of one namespace in the reader's language, for a client island's `words` prop. */
export async function wordsOf<N extends keyof typeof en>(namespace: N): Promise<Words<N>> {
  const messages = (await getMessages()) as unknown as typeof en;
  return messages[namespace];
}
