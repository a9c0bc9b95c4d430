// /research/queue: the agendas awaiting the signed-in expert's review, oldest first, grouped by
// policy field (a researcher whose departments name fields sees only those), each leading to the
// review screen. Reviewing one takes it off the queue.
import { Link } from "react-router-dom";
import { useQuery } from "../../api/hooks";
import { REVIEW_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { Async, Empty } from "../../components/States";
import { StatusBadge } from "../../components/StatusBadge";
import { graphql } from "../../gql";
import type { ReviewQueueQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { FIELD_ORDER } from "./chart";

export const ReviewQueueDocument = graphql(`
  query ReviewQueue($first: Int!) {
    reviewQueue(first: $first) { id title field status createdAt }
  }
`);

type Item = ReviewQueueQuery["reviewQueue"][number];
const SHOWN = 100;

export function ReviewQueuePage() {
  return <RoleGate gate={REVIEW_GATE} title="reviewQueue.title">{() => <Queue />}</RoleGate>;
}

/** The queue's agendas by field, fields in the programme's order, agendas kept oldest first. */
export function groupByField(items: Item[]): [string, Item[]][] {
  const groups = new Map<string, Item[]>();
  for (const item of items) groups.set(item.field, [...(groups.get(item.field) ?? []), item]);
  const order: readonly string[] = FIELD_ORDER;
  const rank = (f: string) => (order.indexOf(f) === -1 ? order.length : order.indexOf(f));
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}

function Queue() {
  const { t, tEnum, date, number } = useI18n();
  const state = useQuery(ReviewQueueDocument, { first: SHOWN });
  return (
    <section className="page review-queue" aria-labelledby="queue-h">
      <h1 id="queue-h">{t("reviewQueue.title")}</h1>
      <p className="page-lead">{t("reviewQueue.lead")}</p>
      <Async state={state}>
        {(data) =>
          data.reviewQueue.length === 0 ? (
            <Empty>{t("reviewQueue.empty")}</Empty>
          ) : (
            <div data-testid="review-queue">
              {groupByField(data.reviewQueue).map(([field, items]) => (
                <section key={field} aria-labelledby={`queue-${field}`} data-field={field}>
                  <h2 id={`queue-${field}`}>
                    {tEnum("fieldName", field)} <span className="count">{t("reviewQueue.count", { count: number(items.length) })}</span>
                  </h2>
                  <ol className="queue-list">
                    {items.map((a) => (
                      <li key={a.id} className="card" data-agenda-id={a.id}>
                        <h3>
                          <Link to={`/agendas/${a.id}`}>{a.title}</Link>
                        </h3>
                        <p className="meta">
                          <StatusBadge status={a.status} /> <span>{t("reviewQueue.proposedOn", { date: date(a.createdAt) })}</span>
                        </p>
                        <Link className="button secondary" to={`/research/review/${a.id}`} aria-label={t("reviewQueue.reviewFor", { title: a.title })}>
                          {t("reviewQueue.review")}
                        </Link>
                      </li>
                    ))}
                  </ol>
                </section>
              ))}
            </div>
          )
        }
      </Async>
    </section>
  );
}
