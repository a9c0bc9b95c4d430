/** "이혜진 (사회혁신담당관)": a history event's author with their role — once, even when the account's
 * display name already ends with the role (the officer's demo account is called exactly that). */
export function actorLabel(displayName: string, roleLabel: string): string {
  const name = displayName.trim();
  if (!roleLabel) return name;
  const compact = (s: string) => s.replace(/\s+/g, "");
  if (compact(name).endsWith(`(${compact(roleLabel)})`) || compact(name) === compact(roleLabel)) return name;
  return `${name} (${roleLabel})`;
}
