// Bulk import of a city's earlier proposals: choose the file, check it (a dry run listing every row's
// problems by row and column), then import — only when the check found nothing to fix. Progress is
// shown while the server works through a large file.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { ADMIN_GATE } from "../../auth/gates";
import { RoleGate } from "../../auth/RoleGate";
import { useI18n, type MessageKey } from "../../i18n";
import { followImport, startImport, type ImportJob, type Problem } from "./importJob";
import { AdminNav } from "../admin/AdminNav";

export function AdminImportPage() {
  return <RoleGate gate={ADMIN_GATE} title="import.title">{() => <ImportScreen />}</RoleGate>;
}

function ImportScreen() {
  const { t, number } = useI18n();
  const uid = useId();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState("import");
  const [job, setJob] = useState<ImportJob | null>(null);
  const [checked, setChecked] = useState<ImportJob | null>(null); // the last dry run of this file
  const [failure, setFailure] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const cancel = useRef({ cancelled: false });
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => () => void (cancel.current.cancelled = true), []);
  const num = (n: number) => number(n);

  const running = job?.state === "running";
  const go = async (dryRun: boolean) => {
    if (!file) {
      setFileError(t("import.pickFile"));
      return;
    }
    setFileError(null);
    setFailure(null);
    if (dryRun) setChecked(null);
    try {
      const started = await startImport(file, { dryRun, source: source.trim() });
      const finished = await followImport(started, setJob, cancel.current);
      if (finished.state === "failed") setFailure(finished.error?.message ?? t("import.failed"));
      else if (dryRun) setChecked(finished);
      resultRef.current?.focus();
    } catch (err) {
      setJob(null);
      setFailure((err as Error).message);
    }
  };
  const onCheck = (e: FormEvent) => {
    e.preventDefault();
    void go(true);
  };

  const report = job?.state === "done" ? job.report : null;
  const canImport = !running && checked?.report && checked.report.errorCount === 0 && checked.report.new > 0 && job?.dryRun;

  return (
    <section className="page admin-import-page">
      <p>
        <Link to="/admin">{t("admin.title")}</Link>
      </p>
      <AdminNav />
      <h1>{t("import.title")}</h1>
      <p className="page-lead">{t("import.lead")}</p>
      <p className="hint">{t("import.columns")}</p>
      <form className="form" onSubmit={onCheck} data-testid="import-form">
        <div className="form-row">
          <label htmlFor={`${uid}-file`}>{t("import.file")}</label>
          <input
            id={`${uid}-file`}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${uid}-file-hint${fileError ? ` ${uid}-file-error` : ""}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setChecked(null);
              setJob(null);
              setFailure(null);
            }}
          />
          <p id={`${uid}-file-hint`} className="hint">
            {t("import.fileHint")}
          </p>
          {fileError && (
            <p id={`${uid}-file-error`} className="field-error">
              {fileError}
            </p>
          )}
        </div>
        <div className="form-row">
          <label htmlFor={`${uid}-source`}>{t("import.source")}</label>
          <input
            id={`${uid}-source`}
            type="text"
            value={source}
            maxLength={40}
            aria-describedby={`${uid}-source-hint`}
            onChange={(e) => {
              setSource(e.target.value);
              setChecked(null);
            }}
          />
          <p id={`${uid}-source-hint`} className="hint">
            {t("import.sourceHint")}
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button secondary" disabled={running}>
            {t("import.check")}
          </button>
          {canImport && (
            <button type="button" className="button" onClick={() => void go(false)} data-testid="import-run">
              {t("import.run", { count: num(checked!.report!.new) })}
            </button>
          )}
        </div>
      </form>

      <div ref={resultRef} tabIndex={-1} aria-live="polite" data-testid="import-result">
        {running && job && (
          <div className="import-progress">
            <label htmlFor={`${uid}-progress`}>{t(`import.phase.${job.phase}` as MessageKey)}</label>{" "}
            <progress id={`${uid}-progress`} max={job.total || 1} value={job.total ? job.done : undefined} aria-label={t("import.progress")} />{" "}
            {job.total > 0 && <span>{t("import.progressCount", { done: num(job.done), total: num(job.total) })}</span>}
          </div>
        )}
        {failure && (
          <div className="form-errors" role="alert">
            <p>{t("import.failed")}</p>
            <p>{failure}</p>
          </div>
        )}
        {report && (
          <div className="import-report panel" data-testid={report.dryRun ? "import-dry-run" : "import-done"}>
            {report.dryRun || report.errorCount ? (
              <p>
                {t("import.summary", { rows: num(report.rows), new: num(report.new), unchanged: num(report.unchanged) })}
                {report.encoding && <> · {t("import.encoding", { encoding: report.encoding.toUpperCase() })}</>}
              </p>
            ) : (
              <p className="success" role="status">
                {t("import.done", { created: num(report.created), unchanged: num(report.unchanged) })}
              </p>
            )}
            {report.errorCount > 0 ? (
              <ProblemTable
                title={t("import.errorsTitle", { count: num(report.errorCount) })}
                lead={t("import.errorsLead")}
                problems={report.errors}
                total={report.errorCount}
                testId="import-errors"
              />
            ) : report.dryRun ? (
              <p>{report.new > 0 ? t("import.clean") : t("import.nothingNew")}</p>
            ) : null}
            {report.warningCount > 0 && (
              <ProblemTable
                title={t("import.warningsTitle", { count: num(report.warningCount) })}
                problems={report.warnings}
                total={report.warningCount}
                testId="import-warnings"
              />
            )}
          </div>
        )}
      </div>
    </section>
  );
}

function ProblemTable({ title, lead, problems, total, testId }: { title: string; lead?: string; problems: Problem[]; total: number; testId: string }) {
  const { t } = useI18n();
  return (
    <section className="import-problems">
      <h2>{title}</h2>
      {lead && <p>{lead}</p>}
      <div className="table-scroll">
        <table data-testid={testId}>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("import.row")}</th>
              <th scope="col">{t("import.column")}</th>
              <th scope="col">{t("import.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i} data-code={p.code}>
                <td>{p.row ?? "—"}</td>
                <td>{p.column ?? "—"}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length < total && <p className="hint">{t("import.more", { shown: String(problems.length) })}</p>}
    </section>
  );
}
