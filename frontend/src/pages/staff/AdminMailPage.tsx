// Admins: the mail the embedded default kept as .eml files instead of sending (no AGENDA_SMTP_URL),
// newest first, each downloadable as it would have left — so a new installation shows what its
// citizens would receive. Admins only: the files hold other people's addresses and live links.
import { useQuery } from "../../api/hooks";
import { AdminNav } from "../admin/AdminNav";
import { ADMIN_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { Async, Empty } from "../../components/States";
import { graphql } from "../../gql";
import { useI18n } from "../../i18n";
import { DataTable } from "../../components/DataTable";

export const AdminMailDocument = graphql(`
  query AdminMail($first: Int!) {
    adminMail(first: $first) { name recipient subject date preview size downloadUrl }
  }
`);

/** The API's default page: the newest are what an admin checks (a demo's first start writes a thousand). */
const SHOWN = 50;

export function AdminMailPage() {
  return <RoleGate gate={ADMIN_GATE} title="mail.title">{() => <MailList />}</RoleGate>;
}

function MailList() {
  const { t, dateTime, number } = useI18n();
  const mail = useQuery(AdminMailDocument, { first: SHOWN });
  return (
    <section className="page">
      <AdminNav />
      <h1>{t("mail.title")}</h1>
      <p className="page-lead">{t("mail.lead")}</p>
      <Async state={mail}>
        {(data) =>
          data.adminMail.length === 0 ? (
            <Empty>{t("mail.empty")}</Empty>
          ) : (
            <DataTable testId="admin-mail" className="mail-table" caption={t("mail.count", { count: data.adminMail.length })}
              columns={[t("mail.recipient"), t("mail.subject"), t("mail.date"), t("mail.preview"), t("mail.download")]}>
              {data.adminMail.map((m) => (
                <tr key={m.name} data-mail-name={m.name}>
                  <td className="recipient">{m.recipient}</td>
                  <th scope="row">{m.subject}</th>
                  <td className="when">
                    <time dateTime={m.date}>{dateTime(m.date)}</time>
                  </td>
                  <td className="hint">{m.preview}</td>
                  <td className="when">
                    <a href={m.downloadUrl} download={m.name}>
                      {t("mail.download")}
                      <span className="visually-hidden"> — {m.subject}</span>
                    </a>{" "}
                    <span className="hint">(.eml, {number(Math.ceil(m.size / 1024))} KB)</span>
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </Async>
    </section>
  );
}
