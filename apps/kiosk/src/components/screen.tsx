import Link from "next/link";
import type { ReactNode } from "react";

/** An order or return number (OM-104191, RT-500280) is never split across two lines at its hyphen. */
function keepNumbersWhole(text: string): ReactNode {
  return text.split(/([A-Z]{2,3}-\d+)/).map((part, i) =>
    i % 2 ? (
      <span key={i} className="whitespace-nowrap">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

/** The frame of a kiosk task screen: a big title, an optional line of help, then the content. */
export function Screen({
  title,
  help,
  testId,
  children,
}: {
  title: string;
  help?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section data-testid={testId} className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-10 py-8">
      <div>
        <h1 className="text-6xl font-bold">{keepNumbersWhole(title)}</h1>
        {help && <p className="mt-4 text-3xl text-slate-600">{help}</p>}
      </div>
      {children}
    </section>
  );
}

/** The big "Done" at the end of a task: back to the kiosk's start, where the next person begins. */
export function DoneLink({ label }: { label: string }) {
  return (
    <Link
      href="/browse"
      data-testid="done"
      className="flex min-h-24 items-center justify-center rounded-2xl bg-slate-900 text-4xl font-semibold text-white active:bg-slate-700"
    >
      {label}
    </Link>
  );
}
