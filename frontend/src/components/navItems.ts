// The main menu as data: each entry says where it goes and who sees it, in menu order. A new area
// adds one line here; the admin area's own pages are listed in pages/admin/AdminNav.tsx.
import type { MessageKey } from "../i18n";
import { ADMIN_ROLES, canReview, hasRole, MODERATOR_ROLES, TRIAGE_ROLES, WORKSHOP_ROLES, type Role } from "../auth/roles";

export type NavItem = {
  to: string;
  label: MessageKey;
  /** Who sees the entry; signedIn is false for anonymous visitors. */
  show: (role: Role, signedIn: boolean) => boolean;
  /** Active only on the exact path (the home page). */
  end?: boolean;
  /** A stable handle for tests. */
  testId?: string;
};

const everyone = () => true;

export const NAV_ITEMS: NavItem[] = [
  { to: "/", label: "nav.home", show: everyone, end: true },
  { to: "/propose", label: "nav.propose", show: everyone },
  { to: "/my", label: "nav.mine", show: (_role, signedIn) => signedIn },
  { to: "/triage", label: "nav.triage", show: (role) => hasRole(TRIAGE_ROLES, role) },
  { to: "/workshops", label: "nav.workshops", show: (role) => hasRole(WORKSHOP_ROLES, role) },
  { to: "/progress", label: "nav.progress", show: (role) => hasRole(WORKSHOP_ROLES, role) },
  { to: "/research/queue", label: "nav.reviewQueue", show: (role) => canReview(role) },
  { to: "/cases", label: "nav.cases", show: everyone },
  { to: "/moderation", label: "nav.moderation", show: (role) => hasRole(MODERATOR_ROLES, role) },
  // The admin area (departments and work plans, users, audit log, thesaurus, import, mail) has its own menu.
  { to: "/admin", label: "nav.admin", show: (role) => hasRole(ADMIN_ROLES, role), testId: "nav-admin" },
];

export function navFor(role: Role, signedIn: boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => item.show(role, signedIn));
}
