// Search highlights arrive as escaped text with <mark> tags. We never hand them to innerHTML: the
// string is split on the two tags the server adds and every other part is decoded into a text node,
// so even a server bug could not inject markup.
const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&#x27;": "'", "&#39;": "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|#x27|#39);/g, (m) => ENTITIES[m] ?? m);
}

export function splitHighlight(html: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/)) {
    if (piece === "<mark>") marked = true;
    else if (piece === "</mark>") marked = false;
    else if (piece) parts.push({ text: decodeEntities(piece), marked });
  }
  return parts;
}

export function Highlighted({ html }: { html: string }) {
  return (
    <>
      {splitHighlight(html).map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
