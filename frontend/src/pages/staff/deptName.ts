/** A department's name in the reader's language. */
export function deptName(d: { name: string; nameEn: string } | null | undefined, locale: string): string {
  if (!d) return "";
  return locale === "ko" ? d.name : d.nameEn;
}
