// The drafts of the triage decisions, one per decision, kept together so switching between
// decisions — or a version conflict that re-renders the panel — never loses what was typed; and the
// checks the form makes before sending, named by the field the server would name.
import type { OwnerKind, TriageDecision } from "../../gql/graphql";
import type { MessageKey } from "../../i18n";

export type Choice = TriageDecision | "REROUTE";
export type MergeTarget = { id: string; title: string };

export type Drafts = {
  note: string;
  rejectReason: string;
  question: string;
  mergeTarget: MergeTarget | null;
  mergeReason: string;
  rerouteKind: OwnerKind;
  rerouteDept: string;
  rerouteReason: string;
};

/** Field name → the message of the check it failed. */
export type LocalErrors = Record<string, MessageKey>;

export type DecisionState = { choice: Choice | null; drafts: Drafts; local: LocalErrors };

export type DecisionAction =
  | { type: "choose"; choice: Choice }
  | { type: "edit"; patch: Partial<Drafts> }
  | { type: "refuse"; errors: LocalErrors };

/** Nothing chosen, every draft empty; a reroute goes by default where the agenda is not. */
export function initialDecisionState(ownerKind: OwnerKind | null | undefined): DecisionState {
  return {
    choice: null,
    local: {},
    drafts: {
      note: "",
      rejectReason: "",
      question: "",
      mergeTarget: null,
      mergeReason: "",
      rerouteKind: ownerKind === "INNOVATION_OFFICER" ? "DEPARTMENT" : "INNOVATION_OFFICER",
      rerouteDept: "",
      rerouteReason: "",
    },
  };
}

export function decisionReducer(state: DecisionState, action: DecisionAction): DecisionState {
  switch (action.type) {
    case "choose":
      // Another decision: its own draft is kept, the previous decision's complaints are not.
      return { ...state, choice: action.choice, local: {} };
    case "edit":
      return { ...state, drafts: { ...state.drafts, ...action.patch } };
    case "refuse":
      return { ...state, local: action.errors };
  }
}

/** What must be filled in before a decision is sent (the server checks the same and more). */
export function validateDecision(choice: Choice, d: Drafts): LocalErrors {
  const errors: LocalErrors = {};
  if (choice === "REJECT" && !d.rejectReason.trim()) errors.reason = "triage.error.rejectReason";
  if (choice === "NEEDS_INFO" && !d.question.trim()) errors.reason = "triage.error.question";
  if (choice === "MERGE" && !d.mergeTarget) errors.mergeIntoId = "triage.error.mergeTarget";
  if (choice === "REROUTE") {
    if (d.rerouteKind === "DEPARTMENT" && !d.rerouteDept) errors.departmentCode = "triage.error.department";
    if (!d.rerouteReason.trim()) errors.reason = "triage.error.rerouteReason";
  }
  return errors;
}

/** The reason sent with a triage decision: the draft of that decision, trimmed; null when empty. */
export function decisionReason(choice: TriageDecision, d: Drafts): string | null {
  const text = choice === "REJECT" ? d.rejectReason : choice === "NEEDS_INFO" ? d.question : choice === "MERGE" ? d.mergeReason : d.note;
  return text.trim() || null;
}
