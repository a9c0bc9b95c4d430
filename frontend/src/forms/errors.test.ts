import { describe, expect, it } from "vitest";
import { describedBy, errorFor, formErrorsReducer, NO_ERRORS } from "./errors";

const tooShort = { field: "title", code: "TOO_SHORT", message: "A title needs at least 5 characters." };

describe("a mutation form's errors", () => {
  it("show what the server refused, tied to its field", () => {
    const state = formErrorsReducer(NO_ERRORS, { type: "settle", result: { errors: [tooShort] } });
    expect(state.errors).toEqual([tooShort]);
    expect(errorFor(state.errors, "title")).toBe(tooShort);
    expect(errorFor(state.errors, "body")).toBeUndefined();
  });

  it("replace the previous refusal with a lost network, since the server never judged the retry", () => {
    const refused = formErrorsReducer(NO_ERRORS, { type: "settle", result: { errors: [tooShort] } });
    const lost = new Error("network");
    const state = formErrorsReducer(refused, { type: "settle", result: { errors: [], failure: lost } });
    expect(state).toEqual({ errors: [], failure: lost });
  });

  it("clear on success and when the form refuses before sending", () => {
    const failed = formErrorsReducer(NO_ERRORS, { type: "settle", result: { errors: [], failure: new Error("x") } });
    expect(formErrorsReducer(failed, { type: "settle", result: { errors: [] } })).toEqual({ errors: [] });
    const local = { field: "dueDate", code: "REQUIRED", message: "기한을 정해 주세요." };
    expect(formErrorsReducer(failed, { type: "reject", errors: [local] })).toEqual({ errors: [local] });
  });

  it("start over without a new state when there is nothing to forget", () => {
    expect(formErrorsReducer(NO_ERRORS, { type: "reset" })).toBe(NO_ERRORS);
  });

  it("describe a control by its hint and its error, in that order, or by nothing", () => {
    expect(describedBy("t-hint", "t-error")).toBe("t-hint t-error");
    expect(describedBy(false, "t-error")).toBe("t-error");
    expect(describedBy(undefined, "")).toBeUndefined();
  });
});
