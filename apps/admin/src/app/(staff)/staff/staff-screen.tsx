"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { ListState, TableHead } from "@/components/list-state";
import { useLocations } from "@/components/location-name";
import { inputClass, labelClass, PageHeader, Panel, tableClass } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

const roles = ["associate", "manager", "admin"] as const;
type StaffRole = (typeof roles)[number];

/** Administrators invite staff, set their role and stores, and deactivate them. */
export function StaffScreen() {
  const t = useTranslations("staff");
  const { role, userId } = useStaff();
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.staff.list.queryOptions(), enabled: role === "admin" });
  const stores = useLocations();
  if (role !== "admin")
    return (
      <>
        <PageHeader title={t("title")} />
        <p className="text-slate-600">{t("adminsOnly")}</p>
      </>
    );
  // A clerk knows stores by name; the id is what the API takes.
  const storeChoices = (stores.data ?? []).map((s) => ({ id: s.id, name: s.name }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid grid-cols-[minmax(0,8fr)_minmax(0,4fr)] items-start gap-5 max-xl:grid-cols-1">
        <Panel>
          <ListState query={list} empty={t("none")}>
            {(rows) => (
              <table className={tableClass}>
                <TableHead columns={[t("person"), t("role"), t("stores"), ""]} />
                <tbody className="divide-y divide-slate-100">
                  {rows.map((m) => (
                    <StaffRow key={m.id} member={m} stores={storeChoices} self={m.id === userId} />
                  ))}
                </tbody>
              </table>
            )}
          </ListState>
        </Panel>
        <InviteForm stores={storeChoices} />
      </div>
    </>
  );
}

type StoreChoice = { id: string; name: string };
type Member = { id: string; email: string; name: string; role: string; active: boolean; storeIds: string[] };

function StaffRow({ member, stores: choices, self }: { member: Member; stores: StoreChoice[]; self: boolean }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("staff");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.staff.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() }),
    }),
  );
  const [stores, setStores] = useState(member.storeIds);
  const storesChanged = stores.join() !== member.storeIds.join();
  return (
    <tr data-testid={`staff-row-${member.email}`} className={member.active ? "" : "opacity-60"}>
      <td>
        <span className="font-medium">{member.name || member.email}</span>
        <span className="block text-xs text-slate-500">{member.email}</span>
        {!member.active && <span className="text-xs font-semibold text-red-700">{t("deactivated")}</span>}
      </td>
      <td>
        <select
          className="rounded-md border border-slate-300 px-2 py-1"
          value={member.role}
          disabled={self || update.isPending}
          onChange={(e) => update.mutate({ userId: member.id, role: e.target.value as StaffRole })}
          aria-label={`${t("role")} ${member.email}`}
          data-testid="staff-role"
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {choices.map((store) => (
            <label key={store.id} className="flex items-center gap-1 text-xs">
              <input
                type="checkbox"
                checked={stores.includes(store.id)}
                onChange={(e) =>
                  setStores(e.target.checked ? [...stores, store.id].sort() : stores.filter((s) => s !== store.id))
                }
              />
              {store.name}
            </label>
          ))}
        </div>
        {storesChanged && (
          <Button
            variant="secondary"
            className="mt-1"
            busy={update.isPending}
            onClick={() => update.mutate({ userId: member.id, storeIds: stores })}
            data-testid="staff-save-stores"
          >
            {t("saveStores")}
          </Button>
        )}
        {update.isError && <p className="text-sm text-red-700">{errorMessage(update.error)}</p>}
      </td>
      <td className="text-right">
        {!self &&
          (member.active ? (
            <ConfirmButton
              question={t("confirmDeactivate", { email: member.email })}
              onConfirm={() => update.mutate({ userId: member.id, active: false })}
              testId="staff-deactivate"
            >
              {t("deactivate")}
            </ConfirmButton>
          ) : (
            <Button variant="secondary" onClick={() => update.mutate({ userId: member.id, active: true })}>
              {t("reactivate")}
            </Button>
          ))}
      </td>
    </tr>
  );
}

function InviteForm({ stores: choices }: { stores: StoreChoice[] }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("staff");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invite = useMutation(
    trpc.staff.invite.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() }),
    }),
  );
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<StaffRole>("associate");
  const [stores, setStores] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invite.mutate(
      // The invitation is written in the language the admin works in; the new member can change it later.
      { email, name, role, storeIds: stores, locale: locale === "pl" ? "pl" : "en" },
      {
        onSuccess: () => {
          setEmail("");
          setName("");
          setStores([]);
        },
      },
    );
  };
  return (
    <Panel title={t("invite")} testId="staff-invite">
      <form onSubmit={submit} className="flex flex-col gap-3">
        <label className={labelClass}>
          {t("email")}
          <input
            type="email"
            className={inputClass}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            data-testid="invite-email"
          />
        </label>
        <label className={labelClass}>
          {t("name")}
          <input
            className={inputClass}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={200}
            data-testid="invite-name"
          />
        </label>
        <label className={labelClass}>
          {t("role")}
          <select
            className={inputClass}
            value={role}
            onChange={(e) => setRole(e.target.value as StaffRole)}
            data-testid="invite-role"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("stores")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {choices.map((store) => (
              <label key={store.id} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={stores.includes(store.id)}
                  onChange={(e) =>
                    setStores(e.target.checked ? [...stores, store.id] : stores.filter((s) => s !== store.id))
                  }
                />
                {store.name}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" busy={invite.isPending} data-testid="invite-submit">
          {t("inviteSubmit")}
        </Button>
        {invite.isError && <ErrorMessage message={errorMessage(invite.error)} />}
        {invite.isSuccess && (
          <p
            role="status"
            className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
            data-testid="invite-result"
          >
            {t("invited", { email: invite.data.email })}
          </p>
        )}
      </form>
    </Panel>
  );
}
