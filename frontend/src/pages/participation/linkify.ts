// A comment is plain text: its links become links, nothing else becomes markup. Only http(s)
// addresses are linked (never javascript: or data:), and the text around them stays text — React
// escapes it, so "<b>" in a comment is shown as "<b>".
export type Piece = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

// An address ends at a space, a quote or angle bracket, or East Asian sentence punctuation
// ("http://seoul.go.kr。謝謝" links only the address); Hangul in a path stays in it.
const URL_RE = /\bhttps?:\/\/[^\s<>"'`。、，！？（）「」『』《》〈〉]+/giu;
// Punctuation that ends a sentence rather than the address: "(see https://x.kr/a)." links /a.
const TRAILING = /[.,;:!?)\]}'"」』》〉、。！？）]+$/u;

export function linkify(text: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    const start = match.index ?? 0;
    const raw = match[0];
    const trimmed = raw.replace(TRAILING, "");
    let href: string | null = null;
    try {
      const url = new URL(trimmed);
      if (url.protocol === "http:" || url.protocol === "https:") href = url.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > last) pieces.push({ kind: "text", text: text.slice(last, start) });
    pieces.push({ kind: "link", text: trimmed, href });
    last = start + trimmed.length;
  }
  if (last < text.length) pieces.push({ kind: "text", text: text.slice(last) });
  return pieces;
}

/** How every link in user text is marked: not endorsed, user-generated, no window.opener. */
export const USER_LINK_REL = "nofollow ugc noopener";
