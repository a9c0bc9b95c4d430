// /admin/audit: the audit log for admins, newest first, filtered by action and by admin, with "more"
// pages. Before and after are shown field by field in words (roles and departments by name), so an
// admin reads "역할: 시민 → 부서 담당자" rather than JSON.
import { useCallback, useState } from "react";
import { request } from "../../api/client";
import { useQuery } from "../../api/hooks";
import { useLookups } from "../../api/lookups";
import { ADMIN_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { FilterBar, FilterSelect, KeysetList, useKeysetPages } from "../../forms";
import type { AuditAction, AuditLogQuery } from "../../gql/graphql";
import { useI18n, type MessageKey } from "../../i18n";
import { deptName } from "../staff/deptName";
import { AdminNav } from "./AdminNav";
import { AdminActorsDocument, AuditLogDocument } from "./documents";
import { DataTable } from "../../components/DataTable";

type Entry = AuditLogQuery["auditLog"]["edges"][number]["node"];
const PAGE_SIZE = 30;
/** Every action the log records (server/audit/actions.py), in the order an admin thinks of them. */
const ACTIONS: AuditAction[] = [
  "USER_UPDATED", "USER_DEACTIVATED", "USER_REACTIVATED", "STAFF_INVITED", "DEPARTMENT_UPDATED",
  "WORK_PLAN_ITEM_UPDATED", "WORK_PLAN_ITEM_RETIRED", "WORK_PLAN_COPIED", "THESAURUS_CHANGED",
  "COMMENT_MODERATED", "AGENDAS_IMPORTED", "STAFF_EXPORT",
];

export function AuditPage() {
  return <RoleGate gate={ADMIN_GATE} title="audit.title">{() => <AuditView />}</RoleGate>;
}

function AuditView() {
  const { t } = useI18n();
  const [action, setAction] = useState<string>("");
  const [actor, setActor] = useState<string>("");
  const actors = useQuery(AdminActorsDocument);
  const fetchPage = useCallback(
    async (after: string | null, signal?: AbortSignal) =>
      (
        await request(
          AuditLogDocument,
          { first: PAGE_SIZE, after, action: (action || null) as AuditAction | null, actor: actor || null },
          { signal },
        )
      ).auditLog,
    [action, actor],
  );
  const list = useKeysetPages<Entry>(`${action}|${actor}`, fetchPage);

  return (
    <section className="page admin-audit" aria-labelledby="audit-h">
      <AdminNav />
      <h1 id="audit-h">{t("audit.title")}</h1>
      <p className="page-lead">{t("audit.lead")}</p>
      <FilterBar label={t("audit.filters")}>
        <FilterSelect label={t("audit.action")} value={action} onChange={setAction} anyLabel={t("audit.anyAction")}
          options={ACTIONS.map((a) => ({ value: a, label: t(`audit.action.${a}` as MessageKey) }))} testId="audit-action" />
        <FilterSelect label={t("audit.actor")} value={actor} onChange={setActor} anyLabel={t("audit.anyActor")}
          options={(actors.data?.users.edges ?? []).map(({ node }) => ({ value: node.id, label: node.displayName }))} testId="audit-actor" />
      </FilterBar>
      <KeysetList list={list} empty={t("audit.empty")} moreTestId="audit-more">
        {(rows) => (
          <DataTable testId="audit-table" live caption={t("audit.caption", { count: rows.length })}
            columns={[t("audit.at"), t("audit.who"), t("audit.action"), t("audit.target"), t("audit.change"), t("audit.requestId")]}>
            {rows.map((e) => (
              <EntryRow key={e.id} entry={e} />
            ))}
          </DataTable>
        )}
      </KeysetList>
    </section>
  );
}

function EntryRow({ entry: e }: { entry: Entry }) {
  const { t, dateTime } = useI18n();
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return (
    <tr data-entry-id={e.id} data-action={e.action}>
      <td className="when">
        <time dateTime={e.at}>{dateTime(e.at)}</time>
      </td>
      <td>{e.actor ? e.actor.displayName : t("audit.system")}</td>
      <th scope="row">{t(`audit.action.${e.action}` as MessageKey)}</th>
      <td>
        <code>{e.target}</code>
      </td>
      <td>
        {keys.length === 0 ? (
          t("audit.none")
        ) : (
          <dl className="audit-change">
            {keys.map((k) => (
              <div key={k} data-field={k}>
                <dt>{fieldLabel(t, k)}</dt>
                <dd>
                  {k in before && (
                    <>
                      <span className="audit-before">
                        <span className="visually-hidden">{t("audit.before")}: </span>
                        <Value name={k} value={before[k]} />
                      </span>
                      <span aria-hidden="true"> → </span>
                    </>
                  )}
                  <span className="audit-after">
                    {k in before && <span className="visually-hidden">{t("audit.after")}: </span>}
                    {k in after ? <Value name={k} value={after[k]} /> : t("audit.none")}
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </td>
      <td>
        <code className="request-id">{e.requestId ?? "—"}</code>
      </td>
    </tr>
  );
}

function fieldLabel(t: (key: MessageKey) => string, key: string): string {
  const message = `audit.field.${key}` as MessageKey;
  const text = t(message);
  return text === message ? key : text;
}

/** One value in words: a role by its name, department codes by their names, yes/no, lists joined. */
function Value({ name, value }: { name: string; value: unknown }) {
  const { t, tEnum, locale } = useI18n();
  const lookups = useLookups();
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return <>{t("audit.none")}</>;
  if (name === "role" && typeof value === "string") return <>{tEnum("role", value.toUpperCase())}</>;
  if (name === "departments" && Array.isArray(value)) {
    const named = value.map((code) => {
      const d = lookups?.departments.find((x) => x.code === code);
      return d ? deptName(d, locale) : String(code);
    });
    return <>{named.join(", ")}</>;
  }
  if (name === "is_active" && typeof value === "boolean") return <>{value ? t("users.active") : t("users.inactive")}</>;
  if (Array.isArray(value)) return <>{value.map(String).join(", ")}</>;
  if (typeof value === "object") return <>{JSON.stringify(value)}</>;
  return <>{String(value)}</>;
}
