"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

import { Button } from "@omni/ui/button";

/** A destructive action asks once more, in place, before it runs. */
export function ConfirmButton({
  children,
  question,
  onConfirm,
  busy,
  testId,
  variant = "danger",
}: {
  children: ReactNode;
  question: string;
  onConfirm: () => void;
  busy?: boolean;
  testId?: string;
  variant?: "danger" | "primary" | "secondary";
}) {
  const t = useTranslations("common");
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button
        variant={variant === "danger" ? "secondary" : variant}
        busy={busy}
        onClick={() => setAsking(true)}
        data-testid={testId}
        className={variant === "danger" ? "text-red-700! ring-red-300!" : ""}
      >
        {children}
      </Button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2" role="group" aria-label={question}>
      <span className="text-sm font-medium">{question}</span>
      <Button
        variant={variant}
        busy={busy}
        data-testid={testId ? `${testId}-confirm` : "confirm-yes"}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t("yes")}
      </Button>
      <Button variant="ghost" onClick={() => setAsking(false)} data-testid="confirm-cancel">
        {t("cancel")}
      </Button>
    </span>
  );
}
