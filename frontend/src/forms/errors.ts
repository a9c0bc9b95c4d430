// The state every mutation form keeps: the server's UserErrors (shown by their field and in the
// summary) and a failure (the network or the server broke; offered again). Kept as a reducer so the
// three ways it changes — a result arrives, the form refuses before sending, the form starts over —
// are named, and so it is tested without a browser.
import type { UserError } from "../api/client";
import type { MutationResult } from "../api/hooks";

export type { UserError };

export type FormErrorsState = { errors: UserError[]; failure?: Error };

export type FormErrorsAction =
  | { type: "settle"; result: Pick<MutationResult<unknown>, "errors" | "failure"> }
  | { type: "reject"; errors: UserError[] }
  | { type: "reset" };

export const NO_ERRORS: FormErrorsState = { errors: [] };

export function formErrorsReducer(state: FormErrorsState, action: FormErrorsAction): FormErrorsState {
  switch (action.type) {
    case "settle":
      // A failure replaces the previous errors: the server never judged this attempt.
      return action.result.failure ? { errors: [], failure: action.result.failure } : { errors: action.result.errors };
    case "reject":
      return { errors: action.errors };
    case "reset":
      return state.errors.length || state.failure ? NO_ERRORS : state;
  }
}

/** The first error the server tied to `field` (a form shows one message per field). */
export function errorFor(errors: readonly UserError[], field: string): UserError | undefined {
  return errors.find((e) => e.field === field);
}

/** The ids a control is described by: its hint, then its error; undefined when there are none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length ? present.join(" ") : undefined;
}
