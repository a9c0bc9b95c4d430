// A comment's text as plain text with its links made safe (linkify.ts): line breaks kept, no HTML.
import { linkify, USER_LINK_REL } from "./linkify";

export function CommentText({ text }: { text: string }) {
  return (
    <p className="comment-body">
      {linkify(text).map((piece, i) =>
        piece.kind === "link" ? (
          <a key={i} href={piece.href} rel={USER_LINK_REL} target="_blank">
            {piece.text}
          </a>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </p>
  );
}
