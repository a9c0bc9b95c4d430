// What one history event says, shared by the agenda page and the staff panel.
import { useLookups } from "../api/lookups";
import { useI18n } from "../i18n";

type RoutingData = { reason?: string; owner_kind?: string; department_code?: string | null; matched_terms?: string[] };
/** ESCALATED records the missed due date; THRESHOLD_REACHED the support count and what it obliges. */
type AccountabilityData = { due?: string; count?: number; action?: string };

/** What an event says. Routing, escalation and threshold events are described from their recorded
 * data in the reader's language (the server's explanation is English); a reason a person wrote
 * (a decision's, an official answer) is shown as written. */
export function EventDetail({ kind, reason, data }: { kind: string; reason?: string | null; data: unknown }) {
  const { t, tEnum, locale, date } = useI18n();
  const lookups = useLookups();
  const routing = (data ?? {}) as RoutingData;
  if ((kind === "ROUTED" || kind === "REROUTED") && routing.reason) {
    const dept = lookups?.departments.find((d) => d.code === routing.department_code);
    const owner =
      routing.owner_kind === "INNOVATION_OFFICER" || !routing.department_code
        ? t("common.officer")
        : dept
          ? locale === "ko" ? dept.name : dept.nameEn
          : routing.department_code;
    return (
      <p style={{ margin: 0 }}>
        → {owner} · {tEnum("routingReason", routing.reason)}
        {routing.matched_terms && routing.matched_terms.length > 0 && (
          <span className="hint"> ({t("agenda.matchedTerms", { terms: routing.matched_terms.join(", ") })})</span>
        )}
        {routing.reason === "MANUAL" && reason && <><br />{reason}</>}
      </p>
    );
  }
  const facts = (data ?? {}) as AccountabilityData;
  if (kind === "ESCALATED" && facts.due) return <p style={{ margin: 0 }}>{t("event.escalated", { date: date(facts.due) })}</p>;
  if (kind === "THRESHOLD_REACHED" && typeof facts.count === "number") {
    const key = facts.action === "ANSWER" ? "event.threshold.ANSWER" : facts.action === "WORKSHOP" ? "event.threshold.WORKSHOP" : "event.threshold";
    return <p style={{ margin: 0 }}>{t(key, { count: facts.count })}</p>;
  }
  return reason ? <p style={{ margin: 0 }}>{reason}</p> : null;
}

