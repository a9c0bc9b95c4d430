// The files chosen in a form, each uploaded as soon as it is chosen so its problem (not a photo, too
// large, a PDF with a script) shows beside it at once; removable before the form is sent.
import { useCallback, useEffect, useRef, useState } from "react";
import { request } from "../api/client";
import { useI18n } from "../i18n";
import { RemoveAttachmentDocument } from "./documents";
import { localRefusal, MAX_FILES, MAX_MB, uploadFile, type Uploaded } from "./upload";

export type UploadItem = {
  key: number;
  name: string;
  size: number;
  preview?: string;
  state: "uploading" | "done" | "error";
  upload?: Uploaded;
  error?: string;
};

let nextKey = 1;

export function useUploads(max: number = MAX_FILES) {
  const { t } = useI18n();
  const [items, setItems] = useState<UploadItem[]>([]);
  const previews = useRef(new Set<string>());

  useEffect(
    () => () => {
      for (const url of previews.current) URL.revokeObjectURL(url);
    },
    [],
  );

  const patch = (key: number, change: Partial<UploadItem>) =>
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)));

  // A refused file shows no preview: what the browser guessed from its name may not be an image at all.
  const refuse = (key: number, error: string) =>
    setItems((all) =>
      all.map((i) => {
        if (i.key !== key) return i;
        if (i.preview) {
          URL.revokeObjectURL(i.preview);
          previews.current.delete(i.preview);
        }
        return { ...i, state: "error", error, preview: undefined };
      }),
    );

  const add = useCallback(
    (files: FileList | File[]) => {
      const chosen = Array.from(files);
      setItems((current) => {
        let room = max - current.filter((i) => i.state !== "error").length;
        const added: UploadItem[] = [];
        for (const file of chosen) {
          const key = nextKey++;
          const local = localRefusal(file);
          const preview = file.type.startsWith("image/") && !local && room > 0 ? URL.createObjectURL(file) : undefined;
          if (preview) previews.current.add(preview);
          const base = { key, name: file.name, size: file.size, preview };
          if (room <= 0) {
            added.push({ ...base, state: "error", error: t("files.tooMany", { max }) });
            continue;
          }
          if (local) {
            added.push({ ...base, state: "error", error: local === "empty" ? t("files.empty") : t("files.tooLarge", { mb: MAX_MB }) });
            continue;
          }
          room -= 1;
          added.push({ ...base, state: "uploading" });
          void uploadFile(file).then((answer) => {
            if (answer.upload) patch(key, { state: "done", upload: answer.upload });
            else refuse(key, answer.errors[0]?.message ?? t("files.network"));
          });
        }
        return [...current, ...added];
      });
    },
    [max, t],
  );

  const remove = useCallback((key: number) => {
    setItems((all) => {
      const item = all.find((i) => i.key === key);
      if (item?.preview) {
        URL.revokeObjectURL(item.preview);
        previews.current.delete(item.preview);
      }
      // An upload not attached yet is the uploader's to delete; if this fails it is forgotten in a day.
      if (item?.upload) void request(RemoveAttachmentDocument, { id: item.upload.id }).catch(() => undefined);
      return all.filter((i) => i.key !== key);
    });
  }, []);

  const clear = useCallback(() => setItems([]), []);

  return {
    items,
    add,
    remove,
    clear,
    uploadIds: items.filter((i) => i.state === "done" && i.upload).map((i) => i.upload!.id),
    busy: items.some((i) => i.state === "uploading"),
    full: items.filter((i) => i.state !== "error").length >= max,
  };
}

export type Uploads = ReturnType<typeof useUploads>;
