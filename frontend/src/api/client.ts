// The one way the app talks to the server: POST /graphql with the browser session cookie and its
// CSRF token. Three kinds of failure are kept apart because the UI shows them differently:
// a lost network (offer a retry), a server/GraphQL error (say what went wrong), and a mutation's
// expected UserErrors (shown next to the form field they name; they are data, not exceptions).
import type { TypedDocumentString } from "../gql/graphql";

export class NetworkError extends Error {
  constructor(message = "network") {
    super(message);
    this.name = "NetworkError";
  }
}

export class ApiError extends Error {
  status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

export type UserError = { field?: string | null; code: string; message: string };

const CSRF_COOKIE = "agenda_csrf";

export function csrfToken(): string | null {
  for (const part of document.cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  init?: { signal?: AbortSignal },
): Promise<TResult> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Accept: "application/json",
    // The server writes its messages in the language the reader chose (the i18n provider keeps it on <html lang>).
    "Accept-Language": window.document.documentElement.lang || "ko",
  };
  const csrf = csrfToken();
  if (csrf) headers["X-CSRF-Token"] = csrf;
  let response: Response;
  try {
    response = await fetch("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers,
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      signal: init?.signal,
    });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new NetworkError((err as Error).message);
  }
  let payload: { data?: TResult; errors?: { message: string }[] } | null = null;
  try {
    payload = await response.json();
  } catch (err) {
    // Aborted while reading the body: the caller no longer wants this answer.
    if (init?.signal?.aborted || (err as Error).name === "AbortError") throw err;
    payload = null;
  }
  if (!response.ok && !payload?.data) {
    if (response.status >= 502 && response.status <= 504) throw new NetworkError(`HTTP ${response.status}`);
    const message = payload?.errors?.[0]?.message ?? `HTTP ${response.status}`;
    throw new ApiError(message, response.status);
  }
  if (payload?.errors?.length && !payload.data) throw new ApiError(payload.errors[0].message, response.status);
  if (!payload?.data) throw new ApiError("empty response", response.status);
  return payload.data;
}
