// Choosing photos and PDFs for a form: "take a photo" opens a phone's camera directly (capture),
// "choose" takes several files from the gallery or disk. Each chosen file is listed with a preview,
// its state and its own error, and can be taken out again before the form is sent.
import { useId } from "react";
import { useI18n } from "../i18n";
import { fileSize, MAX_FILES, MAX_MB } from "./upload";
import type { Uploads } from "./useUploads";

export function FilePicker({ uploads, max = MAX_FILES, testId }: { uploads: Uploads; max?: number; testId?: string }) {
  const { t, locale } = useI18n();
  const id = useId();
  const hintId = `${id}-hint`;
  const onChange = (e: React.ChangeEvent<HTMLInputElement>) => {
    if (e.target.files?.length) uploads.add(e.target.files);
    e.target.value = ""; // the same file may be chosen again after being removed
  };
  return (
    <fieldset className="file-picker" aria-describedby={hintId} data-testid={testId}>
      <legend>{t("files.legend")}</legend>
      <p id={hintId} className="hint">{t("files.hint", { max, mb: MAX_MB })}</p>
      <div className="file-inputs">
        <label className="file-button" htmlFor={`${id}-camera`}>
          {t("files.camera")}
          <input id={`${id}-camera`} type="file" accept="image/*" capture="environment" onChange={onChange} disabled={uploads.full} />
        </label>
        <label className="file-button" htmlFor={`${id}-choose`}>
          {t("files.choose")}
          <input id={`${id}-choose`} type="file" accept="image/*,application/pdf" multiple onChange={onChange} disabled={uploads.full} />
        </label>
      </div>
      {uploads.items.length > 0 && (
        <ul className="file-list" aria-live="polite">
          {uploads.items.map((item) => (
            <li key={item.key} className={item.state === "error" ? "file-item has-error" : "file-item"}>
              {item.preview ? (
                <img src={item.preview} alt={t("files.previewAlt", { name: item.name })} width={64} height={64} />
              ) : (
                <span className="file-icon" aria-hidden="true">{/\.pdf$/i.test(item.name) && item.state !== "error" ? "PDF" : "!"}</span>
              )}
              <span className="file-name">
                {item.name} <span className="hint">{fileSize(item.size, locale)}</span>
                {item.state === "uploading" && <span className="hint"> · {t("files.uploading")}</span>}
                {item.state === "done" && <span className="hint"> · {t("files.ready")}</span>}
                {item.error && <span className="field-error" role="alert">{item.error}</span>}
              </span>
              <button type="button" className="button secondary small" onClick={() => uploads.remove(item.key)} aria-label={t("files.remove", { name: item.name })}>
                {t("files.removeShort")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
