// The role gates of the app's areas, as data: which roles, and what a visitor who may not enter is
// told. Pages pass one to RoleGate.
import type { MessageKey } from "../i18n";
import { ADMIN_ROLES, CASE_PUBLISHER_ROLES, MODERATOR_ROLES, SIGNED_IN_ROLES, TRIAGE_ROLES, WORKSHOP_ROLES } from "./roles";

export type Gate = {
  roles: readonly string[];
  login: MessageKey;
  forbidden: MessageKey;
  elsewhere?: { to: string; label: MessageKey };
};

export const TRIAGE_GATE: Gate = { roles: TRIAGE_ROLES, login: "triage.gate.login", forbidden: "triage.gate.forbidden" };
export const ADMIN_GATE: Gate = { roles: ADMIN_ROLES, login: "triage.gate.login", forbidden: "triage.gate.forbidden" };
export const WORKSHOP_GATE: Gate = {
  roles: WORKSHOP_ROLES,
  login: "workshop.access.login",
  forbidden: "workshop.access.forbidden",
  elsewhere: { to: "/cases", label: "workshop.access.toCases" },
};
export const CASE_PUBLISHER_GATE: Gate = {
  roles: CASE_PUBLISHER_ROLES,
  login: "cases.publish.login",
  forbidden: "cases.publish.forbidden",
  elsewhere: { to: "/cases", label: "cases.backToLibrary" },
};
export const ACCOUNT_GATE: Gate = { roles: SIGNED_IN_ROLES, login: "state.loginRequired", forbidden: "state.forbidden" };
/** The research team's review queue: research-team experts (and admins, who may review). */
export const REVIEW_GATE: Gate = {
  roles: ["RESEARCHER", "ADMIN"],
  login: "workshop.access.login",
  forbidden: "workshop.access.forbidden",
  elsewhere: { to: "/cases", label: "workshop.access.toCases" },
};
export const MODERATION_GATE: Gate = { roles: MODERATOR_ROLES, login: "moderation.gate.login", forbidden: "moderation.gate.forbidden" };
