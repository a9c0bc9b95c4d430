// /progress: the facilitator's question "where does every agenda stand?" for a quarter — status by
// policy field (chart + table), what moved since the previous quarter, what is stalled, which
// milestones and action items are overdue, and a per-field summary.
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { DistrictMap } from "../../components/map/DistrictMap";
import { useQuery } from "../../api/hooks";
import { useLookups } from "../../api/lookups";
import { useSession } from "../../auth/session";
import { Empty, ErrorState, Loading } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import type { ProgressDashboardQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { PercentBarChart, StatusByFieldChart } from "./Charts";
import { FIELD_ORDER, STATUS_ORDER, stackByField } from "./chart";
import { ProgressDocument } from "./documents";
import { previousQuarter } from "./quarter";
import { QuarterPicker, useDepartmentName, useQuarterLabel, useYearQuarter } from "./shared";
import { OwnerTimelinessSection } from "./Timeliness";
import { WORKSHOP_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { canReview } from "../../auth/roles";
import { DataTable } from "../../components/DataTable";

type Progress = ProgressDashboardQuery["workshopProgress"];

export function ProgressPage() {
  return (
    <RoleGate gate={WORKSHOP_GATE} title="workshop.access.title">{() => <ProgressView />}</RoleGate>
  );
}

function ProgressView() {
  const { t } = useI18n();
  const { year, quarter, now, set } = useYearQuarter(false);
  const q = quarter ?? now.quarter;
  const quarterLabel = useQuarterLabel();
  const state = useQuery(ProgressDocument, { year, quarter: q });
  const data = state.data?.workshopProgress;

  return (
    <section className="page" aria-labelledby="progress-h">
      <h1 id="progress-h">{t("progress.title")}</h1>
      <p className="page-lead">{t("progress.lead")}</p>
      <QuarterPicker idPrefix="pr" year={year} quarter={q} now={now} onChange={(v) => set({ year: v.year, quarter: v.quarter ?? q })} />
      <p>
        <Link to={`/progress/report?year=${year}&quarter=${q}`}>{t("progress.toReport")}</Link>
      </p>
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.refetch} />
      ) : !data ? (
        <Loading />
      ) : (
        <div aria-busy={state.loading}>
          <ProgressBody data={data} period={quarterLabel(data.year, data.quarter)} />
        </div>
      )}
    </section>
  );
}

function ProgressBody({ data, period }: { data: Progress; period: string }) {
  const { t, tEnum, dateTime, number } = useI18n();
  const lookups = useLookups();
  const deptName = useDepartmentName();
  const { me } = useSession();
  const reviewer = canReview(me?.role);
  const [dept, setDept] = useState<string>("*");
  const prev = previousQuarter({ year: data.year, quarter: data.quarter });
  const quarterLabel = useQuarterLabel();
  const total = data.counts.reduce((n, c) => n + c.count, 0);
  const departments = [...new Set(data.counts.map((c) => c.departmentCode ?? ""))].sort((a, b) =>
    deptName(a, lookups?.departments).localeCompare(deptName(b, lookups?.departments)),
  );
  const rows = stackByField(data.counts, { departmentCode: dept === "*" ? undefined : dept });
  const fields = [...data.fields].sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field));
  const overdueCount = data.overdueMilestones.length + data.overdueActionItems.length;
  const navigate = useNavigate();

  return (
    <>
      <p className="hint">{t("progress.asOf", { when: dateTime(data.asOf) })}</p>
      <ul className="stat-tiles" aria-label={t("progress.summary")}>
        <li>
          <span className="stat-value" data-testid="stat-total">{number(total)}</span>
          <span className="stat-label">{t("progress.stat.total")}</span>
        </li>
        <li>
          <a href="#moved-h">
            <span className="stat-value" data-testid="stat-moved">{number(data.moved.length)}</span>
            <span className="stat-label">{t("progress.stat.moved")}</span>
          </a>
        </li>
        <li>
          <a href="#new-h">
            <span className="stat-value" data-testid="stat-new">{number(data.newAgendas.length)}</span>
            <span className="stat-label">{t("progress.stat.new")}</span>
          </a>
        </li>
        <li>
          <a href="#stalled-h">
            <span className="stat-value" data-testid="stat-stalled">{number(data.stalled.length)}</span>
            <span className="stat-label">{t("progress.stat.stalled")}</span>
          </a>
        </li>
        <li>
          <a href="#overdue-h">
            <span className="stat-value" data-testid="stat-overdue">{number(overdueCount)}</span>
            <span className="stat-label">{t("progress.stat.overdue")}</span>
          </a>
        </li>
      </ul>

      <section aria-labelledby="by-field-h">
        <h2 id="by-field-h">{t("progress.byField.title")}</h2>
        <div className="form-row inline-filter">
          <label htmlFor="progress-dept">{t("progress.byField.department")}</label>
          <select id="progress-dept" value={dept} onChange={(e) => setDept(e.target.value)}>
            <option value="*">{t("progress.byField.allDepartments")}</option>
            {departments.map((code) => (
              <option key={code || "officer"} value={code}>
                {deptName(code, lookups?.departments)}
              </option>
            ))}
          </select>
        </div>
        {total === 0 ? (
          <Empty>{t("progress.noAgendas")}</Empty>
        ) : (
          <StatusByFieldChart
            rows={rows}
            caption={t("progress.byField.caption", {
              period,
              who: dept === "*" ? t("progress.byField.allDepartments") : deptName(dept, lookups?.departments),
            })}
          />
        )}
      </section>

      <section aria-labelledby="moved-h" data-testid="moved">
        <h2 id="moved-h" tabIndex={-1}>
          {t("progress.moved.title", { count: data.moved.length })}
        </h2>
        <p className="hint">{t("progress.moved.lead", { since: quarterLabel(prev.year, prev.quarter) })}</p>
        {data.moved.length === 0 ? (
          <Empty>{t("progress.moved.none")}</Empty>
        ) : (
          <div className="table-scroll">
            <table data-testid="moved-table">
              <caption className="visually-hidden">{t("progress.moved.caption", { period })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("progress.agenda")}</th>
                  <th scope="col">{t("progress.field")}</th>
                  <th scope="col">{t("progress.moved.status")}</th>
                  <th scope="col" className="num">
                    {t("progress.moved.progress")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.moved.map((m) => (
                  <tr key={m.agenda.id} data-agenda-id={m.agenda.id}>
                    <td>
                      <Link to={`/agendas/${m.agenda.id}`}>{m.agenda.title}</Link>
                      {reviewer && <ReviewLink id={m.agenda.id} title={m.agenda.title} />}
                    </td>
                    <td>{tEnum("fieldName", m.agenda.field)}</td>
                    <td>
                      <span className="from-to">
                        {m.fromStatus ? <StatusBadge status={m.fromStatus} /> : <span className="badge">{t("progress.moved.new")}</span>}
                        <span aria-hidden="true"> → </span>
                        <span className="visually-hidden"> {t("progress.moved.to")} </span>
                        {m.toStatus ? <StatusBadge status={m.toStatus} /> : <span>{t("common.none")}</span>}
                      </span>
                    </td>
                    <td className="num">
                      {t("progress.percentValue", { pct: m.fromProgress })}
                      <span aria-hidden="true"> → </span>
                      <span className="visually-hidden"> {t("progress.moved.to")} </span>
                      {t("progress.percentValue", { pct: m.toProgress })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="new-h" data-testid="new-agendas">
        <h2 id="new-h" tabIndex={-1}>
          {t("progress.new.title", { count: data.newAgendas.length })}
        </h2>
        <p className="hint">{t("progress.new.lead")}</p>
        {data.newAgendas.length === 0 ? (
          <Empty>{t("progress.new.none")}</Empty>
        ) : (
          <ul className="stalled-list" data-testid="new-list">
            {data.newAgendas.map((a) => (
              <li key={a.id} data-agenda-id={a.id}>
                <Link to={`/agendas/${a.id}`}>{a.title}</Link> <StatusBadge status={a.status} />{" "}
                <span className="tag">{tEnum("fieldName", a.field)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="map-h" data-testid="progress-map">
        <h2 id="map-h">{t("progress.map.title", { period })}</h2>
        <p className="hint">{t("progress.map.lead")}</p>
        <DistrictMap
          counts={data.districts}
          caption={t("progress.map.title", { period })}
          onOpen={(code) => navigate(`/?district=${encodeURIComponent(code)}`)}
          testId="progress-district-map"
        />
      </section>

      <section aria-labelledby="stalled-h" data-testid="stalled">
        <h2 id="stalled-h" tabIndex={-1}>
          {t("progress.stalled.title", { count: data.stalled.length })}
        </h2>
        <p className="hint">{t("progress.stalled.lead")}</p>
        {data.stalled.length === 0 ? (
          <Empty>{t("progress.stalled.none")}</Empty>
        ) : (
          <ul className="stalled-list" data-testid="stalled-list">
            {data.stalled.map((a) => (
              <li key={a.id} data-agenda-id={a.id}>
                <Link to={`/agendas/${a.id}`}>{a.title}</Link> <StatusBadge status={a.status} />{" "}
                <span className="tag">{tEnum("fieldName", a.field)}</span>{" "}
                <span className="hint">
                  {a.owner?.kind === "DEPARTMENT" && a.owner.department
                    ? deptName(a.owner.department.code, lookups?.departments)
                    : t("common.officer")}
                  {" · "}
                  {t("progress.stalled.since", { when: dateTime(a.statusChangedAt) })}
                </span>
                {reviewer && <ReviewLink id={a.id} title={a.title} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="overdue-h" data-testid="overdue">
        <h2 id="overdue-h" tabIndex={-1}>
          {t("progress.overdue.title", { count: overdueCount })}
        </h2>
        <h3>{t("progress.overdue.milestones", { count: data.overdueMilestones.length })}</h3>
        <OverdueTable items={data.overdueMilestones} ownerIsDepartment testId="overdue-milestones" caption={t("progress.overdue.milestones", { count: data.overdueMilestones.length })} />
        <h3>{t("progress.overdue.actions", { count: data.overdueActionItems.length })}</h3>
        <OverdueTable items={data.overdueActionItems} testId="overdue-actions" caption={t("progress.overdue.actions", { count: data.overdueActionItems.length })} />
      </section>

      <section aria-labelledby="fields-h" data-testid="field-summary">
        <h2 id="fields-h">{t("progress.fields.title")}</h2>
        <PercentBarChart
          testId="progress-by-field-chart"
          tableId="field-summary-table"
          caption={t("progress.fields.chartCaption", { period })}
          rows={fields.map((f) => ({ key: f.field, label: tEnum("fieldName", f.field), value: f.averageProgress }))}
        />
        <div className="table-scroll">
          <table id="field-summary-table" data-testid="field-summary-table">
            <caption>{t("progress.fields.caption", { period })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("progress.field")}</th>
                <th scope="col" className="num">{t("progress.total")}</th>
                <th scope="col">{t("progress.fields.byStatus")}</th>
                <th scope="col" className="num">{t("progress.fields.averageProgress")}</th>
                <th scope="col" className="num">{t("progress.fields.moved")}</th>
                <th scope="col" className="num">{t("progress.fields.stalled")}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f.field} data-field={f.field}>
                  <th scope="row">{tEnum("fieldName", f.field)}</th>
                  <td className="num">{number(f.total)}</td>
                  <td>
                    {f.byStatus.length === 0
                      ? t("common.none")
                      : [...f.byStatus]
                          .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status))
                          .map((s) => `${tEnum("status", s.status)} ${number(s.count)}`)
                          .join(", ")}
                  </td>
                  <td className="num">{t("progress.percentValue", { pct: f.averageProgress })}</td>
                  <td className="num">{number(f.moved)}</td>
                  <td className="num">{number(f.stalled)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <OwnerTimelinessSection year={data.year} quarter={data.quarter} period={period} />
    </>
  );
}

function ReviewLink({ id, title }: { id: string; title: string }) {
  const { t } = useI18n();
  return (
    <>
      {" "}
      <Link className="review-link" to={`/research/review/${id}`} aria-label={t("review.linkFor", { title })}>
        {t("review.link")}
      </Link>
    </>
  );
}

function OverdueTable({
  items,
  ownerIsDepartment = false,
  testId,
  caption,
}: {
  items: Progress["overdueMilestones"];
  ownerIsDepartment?: boolean;
  testId: string;
  caption: string;
}) {
  const { t, tEnum, date } = useI18n();
  const lookups = useLookups();
  const deptName = useDepartmentName();
  if (items.length === 0) return <Empty>{t("progress.overdue.none")}</Empty>;
  return (
    <DataTable testId={testId} caption={caption} captionHidden
      columns={[t("progress.overdue.what"), t("progress.agenda"), t("progress.overdue.owner"), t("progress.overdue.due")]}>
      {items.map((o, i) => (
        <tr key={`${o.agenda.id}-${i}`}>
          <td>{o.title}</td>
          <td>
            <Link to={`/agendas/${o.agenda.id}`}>{o.agenda.title}</Link>{" "}
            <span className="tag">{tEnum("fieldName", o.agenda.field)}</span>
          </td>
          <td>{ownerIsDepartment ? (o.owner ? deptName(o.owner, lookups?.departments) : t("common.none")) : (o.owner ?? t("common.none"))}</td>
          <td>
            <time dateTime={o.dueDate}>{date(o.dueDate)}</time>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
