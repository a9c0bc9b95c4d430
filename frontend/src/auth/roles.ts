// Which roles may open which area, mirroring what the API allows, so a screen can say "log in" or
// "not for your role" instead of showing a raw API error.
export type Role = string | null | undefined;

/** Department staff, the Social Innovation Officer and administrators triage agendas. */
export const TRIAGE_ROLES = ["STAFF", "OFFICER", "ADMIN"] as const;
export const ADMIN_ROLES = ["ADMIN"] as const;
/** Admins and the Social Innovation Officer moderate reported comments. */
export const MODERATOR_ROLES = ["OFFICER", "ADMIN"] as const;
/** City staff, workshop facilitators and the research team read workshops and progress. */
export const WORKSHOP_ROLES = ["STAFF", "OFFICER", "ADMIN", "FACILITATOR", "RESEARCHER"] as const;
/** City staff roles publish cases to the public library. */
export const CASE_PUBLISHER_ROLES = WORKSHOP_ROLES;

export const hasRole = (roles: readonly string[], role: Role): boolean => !!role && roles.includes(role);

/** Officers and admins may look at (and reroute) any queue; staff see their departments'. */
export const seesAllQueues = (role: Role): boolean => role === "OFFICER" || role === "ADMIN";
/** Facilitators and admins run workshops (schedule, add participants, items, actions). */
export const canRunWorkshops = (role: Role): boolean => role === "FACILITATOR" || role === "ADMIN";
/** Research-team experts (and admins) review agendas. */
export const canReview = (role: Role): boolean => role === "RESEARCHER" || role === "ADMIN";
export const canPublishCases = (role: Role): boolean => hasRole(CASE_PUBLISHER_ROLES, role);
/** Every account: notifications and their settings belong to whoever is signed in. */
export const SIGNED_IN_ROLES = ["CITIZEN", "STAFF", "OFFICER", "FACILITATOR", "RESEARCHER", "ADMIN"] as const;
