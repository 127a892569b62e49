"use client";

import { useLocationName } from "@/components/location-name";
import { inputClass, labelClass, PageHeader, Panel, tableClass } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useStaff } from "@/components/staff-context";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Fragment, useMemo, useState, type FormEvent } from "react";

import { AUDIT_ACTIONS, isAuditAction, type AuditAction } from "@omni/core";
import { Button } from "@omni/ui/button";
import { EmptyState } from "@omni/ui/empty-state";
import { formText } from "@omni/ui/form-text";
import { useTRPC } from "@omni/ui/trpc";

type Filters = { action?: AuditAction; actor?: string; storeId?: string; from?: Date; to?: Date };

/** Every staff and kiosk write, newest first; admins see all stores, others their own. */
export function AuditScreen() {
  const t = useTranslations("audit");
  const format = useFormatter();
  const { stores } = useStaff();
  const trpc = useTRPC();
  const locationName = useLocationName();
  const locale = useLocale();
  // Every action the log can hold, named in the clerk's language and in the order of those names.
  const actions = useMemo(() => {
    const collator = new Intl.Collator(locale);
    return AUDIT_ACTIONS.map((code) => ({ code, name: t(`actions.${code}`) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
  }, [t, locale]);
  const [filters, setFilters] = useState<Filters>({});
  const [open, setOpen] = useState<number | null>(null);
  // Older pages are reached by the id of the last row shown; the stack lets the clerk go back.
  const [cursors, setCursors] = useState<number[]>([]);
  const log = useQuery(trpc.audit.list.queryOptions({ ...filters, limit: 50, before: cursors[cursors.length - 1] }));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => formText(form, k).trim() || undefined;
    const date = (k: string, end = false) =>
      text(k) ? new Date(`${text(k)}T${end ? "23:59:59" : "00:00:00"}`) : undefined;
    setCursors([]);
    const action = text("action");
    setFilters({
      action: action && isAuditAction(action) ? action : undefined,
      actor: text("actor"),
      storeId: text("storeId"),
      from: date("from"),
      to: date("to", true),
    });
  };
  const items = log.data?.items ?? [];
  // The entry as a sentence a clerk reads ("Ola Kowalska marked order OM-100082 ready for pickup"),
  // from the catalogue's words for its action; an action without words yet still reads as one.
  const sentence = (row: (typeof items)[number]) => {
    const who =
      row.actorName ||
      row.actorEmail ||
      (row.deviceStoreName
        ? t("kioskIn", { store: row.deviceStoreName })
        : row.actorApiKeyId
          ? t("apiClient")
          : t("system"));
    const after = row.after as { status?: unknown } | null;
    const values = {
      who,
      // Stock is recorded per "store/SKU"; the store is named in its own column, so the sentence names the SKU.
      entity:
        (row.storeId && row.entityId?.startsWith(`${row.storeId}/`)
          ? row.entityId.slice(row.storeId.length + 1)
          : row.entityId) ?? "",
      status: typeof after?.status === "string" ? after.status : "",
      action: row.action,
    };
    const key = `did.${row.action}`;
    return t.has(key) ? t(key, values) : t("other", values);
  };
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Panel className="mb-5">
        <form
          onSubmit={submit}
          className="grid grid-cols-[repeat(5,minmax(0,1fr))_auto] items-end gap-3 max-lg:grid-cols-2"
          data-testid="audit-filters"
        >
          <label className={labelClass}>
            {t("action")}
            <select name="action" className={inputClass} data-testid="audit-action" defaultValue="">
              <option value="">{t("allActions")}</option>
              {actions.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <label className={labelClass}>
            {t("actor")}
            <input name="actor" className={inputClass} placeholder="max@" data-testid="audit-actor" />
          </label>
          <label className={labelClass}>
            {t("store")}
            <select name="storeId" className={inputClass} data-testid="audit-store" defaultValue="">
              <option value="">{t("allStores")}</option>
              {stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className={labelClass}>
            {t("from")}
            <input name="from" type="date" className={inputClass} />
          </label>
          <label className={labelClass}>
            {t("to")}
            <input name="to" type="date" className={inputClass} />
          </label>
          <Button type="submit" data-testid="audit-filter-submit">
            {t("filter")}
          </Button>
        </form>
      </Panel>
      <Panel>
        {log.isPending || log.isError ? (
          <QueryState query={log} />
        ) : items.length === 0 ? (
          <EmptyState title={t("none")} />
        ) : (
          <>
            <table className={tableClass}>
              <thead className="border-b border-slate-200">
                <tr>
                  <th>{t("when")}</th>
                  <th>{t("what")}</th>
                  <th>{t("store")}</th>
                  <th />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((row) => (
                  <Fragment key={row.id}>
                    <tr data-testid="audit-row" data-action={row.action}>
                      <td className="whitespace-nowrap text-slate-600">
                        {format.dateTime(new Date(row.at), { dateStyle: "short", timeStyle: "medium" })}
                      </td>
                      <td data-testid="audit-sentence">{sentence(row)}</td>
                      <td>{row.storeName ? locationName(row.storeId, row.storeName) : "—"}</td>
                      <td className="text-right">
                        <button
                          type="button"
                          className="text-sm text-sky-800 underline"
                          onClick={() => setOpen(open === row.id ? null : row.id)}
                          aria-expanded={open === row.id}
                        >
                          {open === row.id ? t("hide") : t("details")}
                        </button>
                      </td>
                    </tr>
                    {open === row.id && (
                      <tr key={`${row.id}-details`}>
                        <td colSpan={4} className="bg-slate-50">
                          <p className="mb-2 font-mono text-xs text-slate-600" data-testid="audit-raw">
                            {t("rawData")}: {row.action} · {row.actorEmail ?? row.actorDeviceId ?? "—"}
                            {row.actorRole && ` (${row.actorRole})`} · {row.entityType ?? "—"} {row.entityId ?? ""} ·{" "}
                            {row.storeId ?? "—"}
                          </p>
                          <div className="grid grid-cols-2 gap-3 text-xs">
                            <div>
                              <p className="font-semibold">{t("before")}</p>
                              <pre className="overflow-x-auto whitespace-pre-wrap">
                                {JSON.stringify(row.before, null, 2) ?? "—"}
                              </pre>
                            </div>
                            <div>
                              <p className="font-semibold">{t("after")}</p>
                              <pre className="overflow-x-auto whitespace-pre-wrap">
                                {JSON.stringify(row.after, null, 2) ?? "—"}
                              </pre>
                            </div>
                          </div>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
            <div className="mt-3 flex justify-between">
              <Button variant="secondary" disabled={!cursors.length} onClick={() => setCursors(cursors.slice(0, -1))}>
                {t("newer")}
              </Button>
              <Button
                variant="secondary"
                disabled={!log.data?.nextBefore}
                onClick={() => log.data?.nextBefore && setCursors([...cursors, log.data.nextBefore])}
              >
                {t("older")}
              </Button>
            </div>
          </>
        )}
      </Panel>
    </>
  );
}
