/** The wording of the messages about an account, staff and loyalty points, in English and Polish (key for key). */

type Invite = { name: string; role: string; link: string };
type GiftCard = { recipientName: string | null; amount: string; message: string | null; code: string };

const roleNamesPl: Record<string, string> = {
  associate: "sprzedawca",
  manager: "kierownik",
  admin: "administrator",
};

export const accountTextsEn = {
  verifySubject: "Confirm your e-mail address",
  verifyBody: (p: { name: string; link: string }) =>
    `Hello ${p.name}, please confirm that this address is yours: ${p.link}\n\nThe link works once, for 48 hours. If you did not create an account, ignore this e-mail.`,
  resetSubject: "Set a new password",
  resetBody: (p: { email: string; link: string }) =>
    `Someone (we hope you) asked to set a new password for ${p.email}: ${p.link}\n\nThe link works once, for one hour. If it was not you, ignore this e-mail: your password stays as it is.`,
  passwordChangedSubject: "Your password was changed",
  passwordChangedBody: (p: { email: string }) =>
    `The password of ${p.email} was just changed and every device was signed out. If it was not you, ask for a new password at once.`,
  staffInvitedSubject: "You are invited to Omni",
  staffInvitedBody: (p: Invite) =>
    `Hello ${p.name}, you are invited to Omni as ${p.role}. Set your password here (the link works once, for 7 days): ${p.link}`,
  staffPromotedBody: (p: Invite) =>
    `Hello ${p.name}, your account is now staff (${p.role}). Sign in with your usual password; if you prefer a new one, set it here: ${p.link}`,
  pointsExpiringSubject: (points: number) => `${points} of your points expire soon`,
  pointsExpiringBody: (p: { name: string; points: number; until: string }) =>
    `Hello ${p.name}, ${p.points} of your loyalty points expire by ${p.until}. Spend them in the shop, at a kiosk or at any of our counters before then.`,
  giftCardSubject: (amount: string) => `Your Omni gift card for ${amount}`,
  giftCardBody: (p: GiftCard) =>
    `Hello${p.recipientName ? `, ${p.recipientName}` : ""}! Here is a gift card for ${p.amount}.${p.message ? `\n\n„${p.message}”` : ""}\n\nGift card code: ${p.code}\n\nEnter it at checkout in the web shop, at a kiosk or at the counter of any of our stores. It can pay for several purchases until its balance is spent; check the balance on the shop's gift card page.`,
};

/** "wygaśnie 1 punkt", "wygasną 2 punkty", "wygaśnie 5 punktów": the verb and the noun follow Polish plural forms. */
const pointsLapse = (n: number) => {
  const form = new Intl.PluralRules("pl-PL").select(n);
  return form === "one" ? `wygaśnie ${n} punkt` : form === "few" ? `wygasną ${n} punkty` : `wygaśnie ${n} punktów`;
};

export const accountTextsPl: typeof accountTextsEn = {
  verifySubject: "Potwierdź adres e-mail",
  verifyBody: (p) =>
    `Dzień dobry ${p.name}, potwierdź, że ten adres należy do Ciebie: ${p.link}\n\nLink działa raz, przez 48 godzin. Jeśli nie zakładałeś konta, zignoruj tę wiadomość.`,
  resetSubject: "Ustaw nowe hasło",
  resetBody: (p) =>
    `Ktoś (mamy nadzieję, że Ty) poprosił o nowe hasło do konta ${p.email}: ${p.link}\n\nLink działa raz, przez godzinę. Jeśli to nie Ty, zignoruj tę wiadomość: hasło pozostaje bez zmian.`,
  passwordChangedSubject: "Hasło zostało zmienione",
  passwordChangedBody: (p) =>
    `Hasło konta ${p.email} zostało właśnie zmienione, a wszystkie urządzenia wylogowane. Jeśli to nie Ty, od razu poproś o nowe hasło.`,
  staffInvitedSubject: "Zaproszenie do Omni",
  staffInvitedBody: (p) =>
    `Dzień dobry ${p.name}, zapraszamy do Omni (rola: ${roleNamesPl[p.role] ?? p.role}). Ustaw hasło tutaj (link działa raz, przez 7 dni): ${p.link}`,
  staffPromotedBody: (p) =>
    `Dzień dobry ${p.name}, Twoje konto ma teraz uprawnienia pracownika (rola: ${roleNamesPl[p.role] ?? p.role}). Zaloguj się swoim hasłem; jeśli wolisz nowe, ustaw je tutaj: ${p.link}`,
  pointsExpiringSubject: (points) => `Wkrótce ${pointsLapse(points)}`,
  pointsExpiringBody: (p) =>
    `Dzień dobry ${p.name}, do ${p.until} ${pointsLapse(p.points)} programu lojalnościowego. Wykorzystaj punkty wcześniej w sklepie internetowym, w kiosku lub przy dowolnej naszej kasie.`,
  giftCardSubject: (amount) => `Karta podarunkowa Omni na ${amount}`,
  giftCardBody: (p) =>
    `Dzień dobry${p.recipientName ? `, ${p.recipientName}` : ""}! Oto karta podarunkowa na ${p.amount}.${p.message ? `\n\n„${p.message}”` : ""}\n\nKod karty: ${p.code}\n\nPodaj go przy kasie w sklepie internetowym, w kiosku lub przy ladzie w każdym naszym sklepie. Można płacić nią wielokrotnie, aż do wyczerpania salda; saldo sprawdzisz na stronie sklepu.`,
};
