// The execution plan as read by everyone who may not edit it: the citizen's agenda page and the
// staff panel of someone who is not its owner.
import { useI18n } from "../i18n";

type Dept = { name: string; nameEn: string };
export type PlanLike = {
  summary: string;
  progress: number;
  responsibleDepartment?: Dept | null;
  milestones: { id: string; title: string; dueDate: string; done: boolean }[];
  kpis: { id: string; name: string; unit: string; baseline: number; target: number; actual?: number | null; attainment: number }[];
};

/** The plan as read by someone who may not edit it. */
export function PlanView({ plan }: { plan: PlanLike }) {
  const { t, date, number, locale } = useI18n();
  return (
    <section aria-labelledby="plan-view-h">
      <h2 id="plan-view-h">{t("plan.title")}</h2>
      {plan.summary && <p>{plan.summary}</p>}
      <p>
        {t("agenda.progress", { pct: plan.progress })}
        {plan.responsibleDepartment && <> · {(locale === "ko" ? plan.responsibleDepartment.name : plan.responsibleDepartment.nameEn)}</>}
      </p>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={plan.progress} aria-label={t("plan.progress")}>
        <span style={{ width: `${plan.progress}%` }} />
      </div>
      {plan.milestones.length > 0 && (
        <>
          <h3>{t("plan.milestones")}</h3>
          <ul>
            {plan.milestones.map((m) => (
              <li key={m.id}>
                {m.done ? "✓ " : "○ "}
                {m.title} — <time dateTime={m.dueDate}>{date(m.dueDate)}</time>
                <span className="visually-hidden">{m.done ? t("plan.done") : t("plan.notDone")}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.kpis.length > 0 && (
        <>
          <h3>{t("plan.kpis")}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("plan.kpiName")}</th>
                <th scope="col" className="num">{t("plan.baseline")}</th>
                <th scope="col" className="num">{t("plan.target")}</th>
                <th scope="col" className="num">{t("plan.actual")}</th>
                <th scope="col" className="num">{t("plan.attainmentCol")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.kpis.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td className="num">{number(k.baseline)} {k.unit}</td>
                  <td className="num">{number(k.target)} {k.unit}</td>
                  <td className="num">{k.actual == null ? "—" : `${number(k.actual)} ${k.unit}`}</td>
                  <td className="num">{number(k.attainment, { style: "percent", maximumFractionDigits: 0 })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
