/** The wording of the messages about a reservation, in English and Polish (the Polish object matches it key for key). */

type Held = { name: string; code: string; store: string; address: string; until: string };
type Closed = { name: string; code: string; store: string };
type Sms = { code: string; store: string; until: string };

export const reservationTextsEn = {
  reservationSubject: (p: { code: string; store: string }) => `Your reservation ${p.code} at ${p.store}`,
  reservationBody: (p: Held) =>
    `Hello ${p.name}, we are holding your items at ${p.store} (${p.address}) until ${p.until}. Show the code ${p.code} at the counter to pay and collect them.`,
  reservationSms: (p: Sms) => `Omni: reservation ${p.code} at ${p.store} confirmed. We hold it until ${p.until}.`,
  reservationExpiringSubject: (code: string) => `Your reservation ${code} ends soon`,
  reservationExpiringBody: (p: Omit<Held, "address">) =>
    `Hello ${p.name}, we are holding your items at ${p.store} until ${p.until}. Show the code ${p.code} at the counter to pay and collect them.`,
  reservationExpiringSms: (p: Sms) => `Omni: reservation ${p.code} at ${p.store} expires ${p.until}.`,
  reservationExpiredSubject: (code: string) => `Your reservation ${code} has expired`,
  reservationExpiredBody: (p: Closed) =>
    `Hello ${p.name}, your reservation ${p.code} at ${p.store} was not collected in time, so the items are back on sale.`,
  reservationCancelledSubject: (code: string) => `Your reservation ${code} is cancelled`,
  reservationCancelledBody: (p: Closed) =>
    `Hello ${p.name}, your reservation ${p.code} at ${p.store} is cancelled. Nothing was charged.`,
};

export const reservationTextsPl: typeof reservationTextsEn = {
  reservationSubject: (p) => `Twoja rezerwacja ${p.code} w ${p.store}`,
  reservationBody: (p) =>
    `Dzień dobry ${p.name}, trzymamy dla Ciebie towar w ${p.store} (${p.address}) do ${p.until}. Pokaż kod ${p.code} przy kasie, aby zapłacić i odebrać.`,
  reservationSms: (p) => `Omni: rezerwacja ${p.code} w ${p.store} potwierdzona. Czekamy do ${p.until}.`,
  reservationExpiringSubject: (code) => `Rezerwacja ${code} wkrótce wygaśnie`,
  reservationExpiringBody: (p) =>
    `Dzień dobry ${p.name}, trzymamy dla Ciebie towar w ${p.store} do ${p.until}. Pokaż kod ${p.code} przy kasie, aby zapłacić i odebrać.`,
  reservationExpiringSms: (p) => `Omni: rezerwacja ${p.code} w ${p.store} wygasa ${p.until}.`,
  reservationExpiredSubject: (code) => `Rezerwacja ${code} wygasła`,
  reservationExpiredBody: (p) =>
    `Dzień dobry ${p.name}, rezerwacja ${p.code} w ${p.store} nie została odebrana w terminie, więc towar wrócił do sprzedaży.`,
  reservationCancelledSubject: (code) => `Rezerwacja ${code} została anulowana`,
  reservationCancelledBody: (p) =>
    `Dzień dobry ${p.name}, rezerwacja ${p.code} w ${p.store} została anulowana. Nic nie pobraliśmy.`,
};
