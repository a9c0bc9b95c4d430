// Sending one file to POST /uploads: its bytes are the body (no multipart), its name a query
// parameter; the answer is an upload id, or UserErrors in the reader's language. The server decides
// what a file is from its content — the checks here only spare a pointless upload.
import { csrfToken, type UserError } from "../api/client";

export const MAX_FILES = 5;
export const MAX_MB = 10;
const MAX_BYTES = MAX_MB * 1024 * 1024;

export type Uploaded = {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  url: string;
  thumbnailUrl?: string | null;
};

export type UploadAnswer = { upload?: Uploaded; errors: UserError[]; failed?: boolean };

/** A refusal we can tell without sending the file: empty, or above the size limit. */
export function localRefusal(file: File): "empty" | "tooLarge" | null {
  if (file.size === 0) return "empty";
  if (file.size > MAX_BYTES) return "tooLarge";
  return null;
}

export async function uploadFile(file: File): Promise<UploadAnswer> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": window.document.documentElement.lang || "ko",
    "Content-Type": file.type || "application/octet-stream",
  };
  const csrf = csrfToken();
  if (csrf) headers["X-CSRF-Token"] = csrf;
  try {
    const response = await fetch(`/uploads?filename=${encodeURIComponent(file.name)}`, {
      method: "POST",
      credentials: "same-origin",
      headers,
      body: file,
    });
    const payload = (await response.json().catch(() => null)) as
      | { upload?: Uploaded | null; errors?: UserError[]; error?: UserError }
      | null;
    if (payload?.upload) return { upload: payload.upload, errors: [] };
    if (payload?.errors?.length) return { errors: payload.errors };
    if (payload?.error) return { errors: [payload.error] };
    return { errors: [], failed: true };
  } catch {
    return { errors: [], failed: true };
  }
}

/** "2.4 MB", "830 KB" */
export function fileSize(bytes: number, locale: string): string {
  const fmt = new Intl.NumberFormat(locale === "ko" ? "ko-KR" : "en-GB", { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${fmt.format(bytes / (1024 * 1024))} MB`;
  return `${fmt.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}
