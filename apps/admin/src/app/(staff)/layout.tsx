import { LocaleSwitch } from "@/components/locale-switch";
import { Nav } from "@/components/nav";
import { StaffProvider } from "@/components/staff-context";
import { StoreSwitcher } from "@/components/store-switcher";
import { signOutAction } from "@/lib/actions";
import { locationNameWith } from "@/lib/location-name";
import { chosenStore, requireSession } from "@/lib/session";
import { serverApi } from "@/server/api";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** Every back-office page: staff only, working on the store chosen in the switcher. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("shell");
  const session = await requireSession();
  if (!session.staff) {
    return (
      <main
        className="mx-auto mt-24 max-w-md rounded-xl border border-slate-200 p-8 text-center shadow-sm"
        data-testid="staff-only"
      >
        <h1 className="text-2xl font-semibold">{t("staffOnlyTitle")}</h1>
        <p className="mt-3 text-slate-600">{t("staffOnlyBody", { email: session.email })}</p>
        <form action={signOutAction} className="mt-6">
          <button className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white">{t("signOut")}</button>
        </form>
      </main>
    );
  }
  const { user } = session;
  const all = await (await serverApi()).stores.list();
  const nameOf = locationNameWith((await getTranslations("locations"))("online"));
  const stores = (user.role === "admin" ? all : all.filter((s) => user.storeIds.includes(s.id))).map((s) => ({
    id: s.id,
    name: nameOf(s.id, s.name),
    city: s.city,
    type: s.type,
  }));
  const storeId = await chosenStore(stores.map((s) => s.id));
  if (!storeId) {
    return (
      <main className="mx-auto mt-24 max-w-md p-8 text-center" data-testid="no-stores">
        <h1 className="text-2xl font-semibold">{t("noStoresTitle")}</h1>
        <p className="mt-3 text-slate-600">{t("noStoresBody")}</p>
        <form action={signOutAction} className="mt-6">
          <button className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white">{t("signOut")}</button>
        </form>
      </main>
    );
  }
  return (
    <StaffProvider value={{ userId: user.id, name: user.name, email: user.email, role: user.role, storeId, stores }}>
      <div className="grid min-h-screen grid-cols-[13rem_1fr] bg-slate-50 max-lg:grid-cols-[11rem_1fr]">
        <aside className="border-r border-slate-200 bg-slate-100">
          <div className="px-6 pt-5 pb-2 text-lg font-bold tracking-tight">
            Omni <span className="font-normal text-slate-600">{t("backOffice")}</span>
          </div>
          <Nav />
        </aside>
        <div className="flex min-w-0 flex-col">
          <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
            <StoreSwitcher />
            <div className="flex items-center gap-4 text-sm">
              <span className="text-slate-600" data-testid="signed-in-as">
                {user.name} · <span className="text-slate-500">{t(`role.${user.role}`)}</span>
              </span>
              <LocaleSwitch />
              <form action={signOutAction}>
                <button
                  className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100"
                  data-testid="sign-out"
                >
                  {t("signOut")}
                </button>
              </form>
            </div>
          </header>
          <main className="flex-1 px-6 py-5">{children}</main>
        </div>
      </div>
    </StaffProvider>
  );
}
