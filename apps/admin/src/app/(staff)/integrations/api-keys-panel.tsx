"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { ListState, TableHead } from "@/components/list-state";
import { inputClass, labelClass, Panel, tableClass } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { SecretOnce } from "./secret-once";

const scopes = ["catalog:read", "carts:write", "orders:read", "orders:write", "stock:write", "returns:write"] as const;
type Scope = (typeof scopes)[number];

export function ApiKeysPanel() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("integrations");
  const format = useFormatter();
  const { stores } = useStaff();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.apiKeys.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<Scope[]>(["catalog:read"]);
  const [storeId, setStoreId] = useState("");
  const storeName = (id: string | null) => (id ? (stores.find((s) => s.id === id)?.name ?? id) : t("everyStore"));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, scopes: chosen, storeId: storeId || null });
  };

  return (
    <Panel title={t("keysTitle")} testId="api-keys">
      <div className="grid grid-cols-[minmax(0,8fr)_minmax(0,4fr)] items-start gap-5 max-xl:grid-cols-1">
        <div>
          {revoke.isError && <ErrorMessage message={errorMessage(revoke.error)} />}
          <ListState query={list} empty={t("keysNone")}>
            {(rows) => (
              <table className={tableClass}>
                <TableHead columns={[t("name"), t("scopes"), t("store"), t("lastUsed"), t("status"), ""]} />
                <tbody className="divide-y divide-slate-100">
                  {rows.map((key) => (
                    <tr key={key.id} data-testid="api-key-row" data-revoked={key.revokedAt ? "true" : "false"}>
                      <td>
                        <div className="font-medium">{key.name}</div>
                        <div className="font-mono text-xs text-slate-500">{key.prefix}…</div>
                      </td>
                      <td className="text-xs text-slate-600">{key.scopes.join(", ")}</td>
                      <td className="text-slate-600">{storeName(key.storeId)}</td>
                      <td className="text-slate-600">
                        {key.lastUsedAt
                          ? format.dateTime(new Date(key.lastUsedAt), { dateStyle: "short", timeStyle: "short" })
                          : t("never")}
                      </td>
                      <td>
                        <span
                          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${key.revokedAt ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800"}`}
                        >
                          {key.revokedAt ? t("revoked") : t("active")}
                        </span>
                      </td>
                      <td className="text-right">
                        {!key.revokedAt && (
                          <ConfirmButton
                            question={t("confirmRevoke", { name: key.name })}
                            onConfirm={() => revoke.mutate({ id: key.id })}
                            busy={revoke.isPending && revoke.variables?.id === key.id}
                            testId="revoke-api-key"
                          >
                            {t("revoke")}
                          </ConfirmButton>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </ListState>
        </div>
        <form onSubmit={submit} className="flex flex-col gap-3 rounded-lg bg-slate-50 p-4">
          <h3 className="font-semibold">{t("newKey")}</h3>
          <label className={labelClass}>
            {t("keyName")}
            <input
              className={inputClass}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={200}
              data-testid="api-key-name"
            />
          </label>
          <fieldset className="flex flex-col gap-1 text-sm">
            <legend className="mb-1 font-medium text-slate-700">{t("scopes")}</legend>
            {scopes.map((scope) => (
              <label key={scope} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={chosen.includes(scope)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, scope] : chosen.filter((s) => s !== scope))}
                  data-testid={`api-key-scope-${scope}`}
                />
                {t(`scope.${scope}`)} <span className="font-mono text-xs text-slate-500">{scope}</span>
              </label>
            ))}
          </fieldset>
          <label className={labelClass}>
            {t("store")}
            <select className={inputClass} value={storeId} onChange={(e) => setStoreId(e.target.value)}>
              <option value="">{t("everyStore")}</option>
              {stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" busy={create.isPending} data-testid="create-api-key">
            {t("create")}
          </Button>
          {create.isError && <ErrorMessage message={errorMessage(create.error)} />}
          {create.data && <SecretOnce note={t("keyOnce")} value={create.data.key} testId="api-key-secret" />}
        </form>
      </div>
    </Panel>
  );
}
