// The execution plan's files in the triage panel: what is attached (removable by the plan's editors)
// and a picker to add more. Attaching is its own step beside saving the plan: a file is not part of
// the plan's versioned text, so it never conflicts with someone editing the milestones.
import { useState } from "react";
import { useMutation } from "../api/hooks";
import { useI18n } from "../i18n";
import { AttachmentList, type AttachmentLike } from "./AttachmentList";
import { AttachFilesDocument, RemoveAttachmentDocument } from "./documents";
import { FilePicker } from "./FilePicker";
import { useUploads } from "./useUploads";
import { MAX_FILES } from "./upload";

export function PlanFiles({ agendaId, files, onChanged }: { agendaId: string; files: AttachmentLike[]; onChanged: () => void }) {
  const { t } = useI18n();
  const uploads = useUploads(Math.max(0, MAX_FILES - files.length));
  const attach = useMutation(AttachFilesDocument, (r) => r.attachFiles);
  const removal = useMutation(RemoveAttachmentDocument, (r) => r.removeAttachment);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const onAttach = async () => {
    if (uploads.busy) {
      setStatus({ ok: false, text: t("files.waitUploads") });
      return;
    }
    const result = await attach.run({ input: { agendaId, uploadIds: uploads.uploadIds, target: "PLAN" } });
    if (result.errors.length || result.failure) {
      setStatus({ ok: false, text: result.errors[0]?.message ?? t("files.network") });
      return;
    }
    uploads.clear();
    setStatus({ ok: true, text: t("files.attached") });
    onChanged();
  };

  const onRemove = async (file: AttachmentLike) => {
    const result = await removal.run({ id: file.id });
    if (result.errors.length || result.failure) setStatus({ ok: false, text: result.errors[0]?.message ?? t("files.network") });
    else {
      setStatus({ ok: true, text: t("files.removed") });
      onChanged();
    }
  };

  return (
    <section className="panel plan-files" aria-labelledby="plan-files-h" data-testid="plan-files">
      <h2 id="plan-files-h">{t("files.planHeading")}</h2>
      {files.length ? <AttachmentList files={files} heading={t("files.heading")} headingLevel={3} onRemove={onRemove} /> : <p className="hint">{t("files.none")}</p>}
      {files.length < MAX_FILES && <FilePicker uploads={uploads} max={MAX_FILES - files.length} />}
      {status && (
        <p className={status.ok ? "notice success" : "field-error"} role={status.ok ? "status" : "alert"}>
          {status.text}
        </p>
      )}
      {uploads.uploadIds.length > 0 && (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void onAttach()} disabled={attach.running}>
            {attach.running ? t("state.saving") : t("files.attach")}
          </button>
        </div>
      )}
    </section>
  );
}
