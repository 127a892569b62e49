"use client";

import { useState } from "react";

/**
 * A touch keyboard for screens without a physical one (the kiosk). It never takes focus itself, so the
 * field being typed into keeps its caret and a physical keyboard keeps working alongside it.
 */
export type KeyboardLayout = "text" | "email" | "code";

export type KeyPress = { type: "char"; char: string } | { type: "backspace" } | { type: "clear" } | { type: "enter" };

const letterRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const extraKeys: Record<KeyboardLayout, string> = { text: "-'", email: "@._-+", code: "-" };
const polishKeys = "ąćęłńóśźż";

/** What a key press does to a value: the one place the keyboard's editing rules live. */
export function applyKey(value: string, key: KeyPress, maxLength = 200): string {
  if (key.type === "backspace") return value.slice(0, -1);
  if (key.type === "clear") return "";
  if (key.type === "char") return (value + key.char).slice(0, maxLength);
  return value;
}

export type KeyboardLabels = { space: string; backspace: string; clear: string; enter: string };
const defaultLabels: Record<string, KeyboardLabels> = {
  pl: { space: "Spacja", backspace: "Usuń", clear: "Wyczyść", enter: "OK" },
  en: { space: "Space", backspace: "Delete", clear: "Clear", enter: "OK" },
};

export function OnScreenKeyboard({
  onKey,
  layout = "text",
  locale = "pl",
  enterLabel,
  size = "lg",
}: {
  onKey: (key: KeyPress) => void;
  layout?: KeyboardLayout;
  locale?: string;
  enterLabel?: string;
  size?: "md" | "lg";
}) {
  const labels = defaultLabels[locale] ?? defaultLabels.pl!;
  // Shift is one-shot: it capitalises the next letter, for names and case-sensitive tokens.
  const [shift, setShift] = useState(false);
  const upper = layout === "code" || shift;
  const keyHeight = size === "lg" ? "h-20 text-3xl" : "h-14 text-xl";
  const rows = [
    "1234567890",
    ...letterRows,
    extraKeys[layout] + (layout === "text" && locale === "pl" ? polishKeys : ""),
  ];
  // preventDefault on mouse/pointer down keeps focus (and the caret) in the field being typed into.
  const keep = (e: { preventDefault: () => void }) => e.preventDefault();
  const keyClass = `${keyHeight} min-w-16 flex-1 rounded-xl bg-white font-medium text-slate-900 shadow ring-1 ring-slate-300 active:bg-slate-200 select-none touch-manipulation`;
  return (
    <div
      data-testid="on-screen-keyboard"
      className="flex w-full flex-col gap-2 rounded-2xl bg-slate-100 p-3"
      role="group"
      aria-label="Keyboard"
    >
      {rows.map((row) => (
        <div key={row} className="flex justify-center gap-2">
          {[...row].map((char) => (
            <button
              key={char}
              type="button"
              data-testid={`osk-key-${char}`}
              className={keyClass}
              onMouseDown={keep}
              onPointerDown={keep}
              onClick={() => {
                onKey({ type: "char", char: upper ? char.toUpperCase() : char });
                setShift(false);
              }}
            >
              {upper ? char.toUpperCase() : char}
            </button>
          ))}
        </div>
      ))}
      <div className="flex gap-2">
        {layout !== "code" && (
          <button
            type="button"
            data-testid="osk-key-shift"
            aria-pressed={shift}
            aria-label="Shift"
            className={`${keyClass} flex-1 ${shift ? "bg-sky-100! ring-sky-500!" : ""}`}
            onMouseDown={keep}
            onPointerDown={keep}
            onClick={() => setShift((on) => !on)}
          >
            ⇧
          </button>
        )}
        <button
          type="button"
          data-testid="osk-key-clear"
          className={`${keyClass} flex-[1.5] whitespace-nowrap text-xl!`}
          onMouseDown={keep}
          onPointerDown={keep}
          onClick={() => onKey({ type: "clear" })}
        >
          {labels.clear}
        </button>
        {layout !== "code" && (
          <button
            type="button"
            data-testid="osk-key-space"
            className={`${keyClass} flex-[4]`}
            onMouseDown={keep}
            onPointerDown={keep}
            onClick={() => onKey({ type: "char", char: " " })}
          >
            {labels.space}
          </button>
        )}
        <button
          type="button"
          data-testid="osk-key-backspace"
          aria-label={labels.backspace}
          className={`${keyClass} flex-[1.5]`}
          onMouseDown={keep}
          onPointerDown={keep}
          onClick={() => onKey({ type: "backspace" })}
        >
          ⌫ <span className="sr-only">{labels.backspace}</span>
        </button>
        <button
          type="button"
          data-testid="osk-key-enter"
          className={`${keyHeight} min-w-16 flex-[2] truncate whitespace-nowrap rounded-xl bg-slate-900 px-2 text-2xl! font-semibold text-white shadow active:bg-slate-700 select-none touch-manipulation`}
          onMouseDown={keep}
          onPointerDown={keep}
          onClick={() => onKey({ type: "enter" })}
        >
          {enterLabel ?? labels.enter}
        </button>
      </div>
    </div>
  );
}
