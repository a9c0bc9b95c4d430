// Talking to the import endpoints (server/imports/http.py): the file goes up as the raw request body,
// then the job is polled until it is done. Not GraphQL: a 20 MB upload does not fit the /graphql body
// limit, and progress is a poll of a job, not a query of the data.
import { csrfToken } from "../../api/client";

export type Problem = { row: number | null; column: string | null; code: string; message: string };
export type ImportReport = {
  dryRun: boolean;
  source: string;
  format: string;
  encoding: string | null;
  rows: number;
  new: number;
  unchanged: number;
  created: number;
  errorCount: number;
  warningCount: number;
  errors: Problem[];
  warnings: Problem[];
};
export type ImportJob = {
  id: string;
  dryRun: boolean;
  state: "running" | "done" | "failed";
  phase: "reading" | "checking" | "routing" | "writing";
  done: number;
  total: number;
  report: ImportReport | null;
  error: { code: string; field: string | null; message: string } | null;
};

export class ImportRequestError extends Error {}

function headers(): Record<string, string> {
  const h: Record<string, string> = { Accept: "application/json", "Accept-Language": document.documentElement.lang || "ko" };
  const csrf = csrfToken();
  if (csrf) h["X-CSRF-Token"] = csrf;
  return h;
}

async function answer(response: Response): Promise<ImportJob> {
  let body: (ImportJob & { error?: { message: string } }) | null = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw new ImportRequestError(body?.error?.message ?? `HTTP ${response.status}`);
  return body as ImportJob;
}

export async function startImport(file: File, options: { dryRun: boolean; source: string }): Promise<ImportJob> {
  const params = new URLSearchParams({ dryRun: options.dryRun ? "1" : "0", source: options.source, filename: file.name });
  const response = await fetch(`/admin/import/jobs?${params}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { ...headers(), "Content-Type": "application/octet-stream" },
    body: file,
  });
  return answer(response);
}

export async function pollImport(id: string): Promise<ImportJob> {
  const response = await fetch(`/admin/import/jobs/${encodeURIComponent(id)}`, { credentials: "same-origin", headers: headers() });
  return answer(response);
}

/** Polls until the job is done or failed, reporting each state on the way. */
export async function followImport(job: ImportJob, onUpdate: (job: ImportJob) => void, signal: { cancelled: boolean }): Promise<ImportJob> {
  let current = job;
  onUpdate(current);
  while (current.state === "running" && !signal.cancelled) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    current = await pollImport(current.id);
    if (!signal.cancelled) onUpdate(current);
  }
  return current;
}
