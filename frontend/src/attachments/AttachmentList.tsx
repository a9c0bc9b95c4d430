// Attached files on an agenda page: photos as thumbnails that open full size, PDFs as links.
// A file is shown to whoever may see the agenda; the server applies the same rule to the file itself.
import { useI18n } from "../i18n";
import { fileSize } from "./upload";

export type AttachmentLike = {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
  thumbnailUrl?: string | null;
};

export function AttachmentList({
  files,
  heading,
  headingLevel = 2,
  onRemove,
}: {
  files: AttachmentLike[];
  heading: string;
  headingLevel?: 2 | 3;
  onRemove?: (file: AttachmentLike) => void;
}) {
  const { t, locale } = useI18n();
  if (!files.length) return null;
  const photos = files.filter((f) => f.thumbnailUrl);
  const documents = files.filter((f) => !f.thumbnailUrl);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="attachments" data-testid="attachments">
      <Heading>{heading}</Heading>
      {photos.length > 0 && (
        <ul className="attachment-photos">
          {photos.map((f) => (
            <li key={f.id}>
              <a href={f.url} target="_blank" rel="noopener">
                <img src={f.thumbnailUrl!} alt={t("files.photoAlt", { name: f.filename })} loading="lazy" />
              </a>
              {onRemove && (
                <button type="button" className="button secondary small" onClick={() => onRemove(f)}>
                  {t("files.removeAttached", { name: f.filename })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {documents.length > 0 && (
        <ul className="attachment-docs">
          {documents.map((f) => (
            <li key={f.id}>
              <a href={f.url}>{f.filename}</a>{" "}
              <span className="hint">
                {t("files.pdf")} · {fileSize(f.size, locale)}
              </span>
              {onRemove && (
                <button type="button" className="button secondary small" onClick={() => onRemove(f)}>
                  {t("files.removeAttached", { name: f.filename })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
