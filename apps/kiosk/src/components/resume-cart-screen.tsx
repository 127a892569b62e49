"use client";

import { useContract } from "@/lib/contract";
import { useFriendlyError } from "@/lib/friendly-error";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";

import { fromScan } from "@omni/core";

import { CodeEntry } from "./code-entry";
import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { Screen } from "./screen";

/** Continue here a cart started on a phone: its handoff code, typed or scanned. */
export function ResumeCartScreen() {
  const t = useTranslations("resume");
  const router = useRouter();
  const contract = useContract();
  const friendly = useFriendlyError();
  const { setCartId } = useKiosk();
  const resume = useMutation({
    mutationFn: (code: string) => contract.cart.resume.mutate({ code }),
    onSuccess: ({ cartId }) => {
      setCartId(cartId);
      router.push("/cart");
    },
  });
  return (
    <Screen title={t("title")} help={t("help")} testId="resume-screen">
      <CodeEntry
        label={t("code")}
        testId="handoff-input"
        submitLabel={t("submit")}
        submitTestId="handoff-submit"
        busy={resume.isPending}
        parse={(text) => fromScan(text, "code")}
        onSubmit={(code) => code && resume.mutate(code)}
      >
        {resume.error && <KioskError message={friendly(resume.error, "code")} />}
      </CodeEntry>
    </Screen>
  );
}
