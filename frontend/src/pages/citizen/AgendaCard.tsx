import { Link } from "react-router-dom";
import { StatusBadge } from "../../components/StatusBadge";
import { Highlighted } from "../../components/Highlighted";
import { useI18n } from "../../i18n";

export type CardAgenda = {
  id: string;
  title: string;
  body?: string;
  status: string;
  createdAt: string;
  supportCount: number;
  fieldLabel: { code: string; ko: string; en: string };
  districtLabel?: { code: string; ko: string; en: string } | null;
  owner?: { kind: string; department?: { code: string; name: string; nameEn: string } | null } | null;
};

export function OwnerName({ owner }: { owner: CardAgenda["owner"] }) {
  const { t, locale } = useI18n();
  if (!owner) return null;
  if (owner.kind === "INNOVATION_OFFICER" || !owner.department) return <>{t("common.officer")}</>;
  return <>{locale === "ko" ? owner.department.name : owner.department.nameEn}</>;
}

export function AgendaCard({ agenda, highlights, headingLevel = 2 }: { agenda: CardAgenda; highlights?: { title: string; body: string }; headingLevel?: 2 | 3 }) {
  const { t, tEnum, label, date } = useI18n();
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card" data-agenda-id={agenda.id}>
      <H>
        <Link to={`/agendas/${agenda.id}`}>{highlights ? <Highlighted html={highlights.title} /> : agenda.title}</Link>
      </H>
      {highlights ? (
        <p>
          <Highlighted html={highlights.body} />
        </p>
      ) : agenda.body ? (
        <p>{agenda.body.length > 160 ? `${agenda.body.slice(0, 160)}…` : agenda.body}</p>
      ) : null}
      <div className="meta">
        <StatusBadge status={agenda.status} />
        <span className="tag" title={label(agenda.fieldLabel)}>{tEnum("fieldName", agenda.fieldLabel.code)}</span>
        {agenda.districtLabel && <span>{label(agenda.districtLabel)}</span>}
        <span>
          <OwnerName owner={agenda.owner} />
        </span>
        <span>{t("common.supports", { count: agenda.supportCount })}</span>
        <time dateTime={agenda.createdAt}>{date(agenda.createdAt)}</time>
      </div>
    </article>
  );
}
