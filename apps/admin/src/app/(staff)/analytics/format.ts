/** Number formats of the dashboard, in the reader's language. */
export function formats(locale: string) {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: "PLN", maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  return {
    number: (n: number) => number.format(n),
    whole: (n: number) => whole.format(n),
    percent: (n: number) => percent.format(n),
    money: (minor: number) => money.format(minor / 100),
    compactMoney: (minor: number) => `${compact.format(minor / 100)} zł`,
    day: (iso: string) =>
      new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
        new Date(`${iso}T00:00:00Z`),
      ),
  };
}

/** The change against the previous period, or null when there was nothing to compare with. */
export const change = (now: number, before: number) => (before > 0 ? (now - before) / before : null);

export const channelColors: Record<string, string> = { web: "#0284c7", kiosk: "#7c3aed", store: "#f59e0b" };
