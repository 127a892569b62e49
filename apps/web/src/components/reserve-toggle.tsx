/** The button that opens and closes "reserve in store"; the same before and after the panel's code has loaded. */
export function ReserveToggle({ open, onClick, label }: { open: boolean; onClick: () => void; label: string }) {
  return (
    <button
      type="button"
      data-testid="reserve-toggle"
      aria-expanded={open}
      onClick={onClick}
      className="flex min-h-12 w-full items-center justify-between px-4 text-left font-semibold focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
    >
      {label}
      <span aria-hidden>{open ? "−" : "+"}</span>
    </button>
  );
}
