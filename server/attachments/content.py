"""What a file *is*, decided from its bytes — never its name or the type the browser declared — and
the clean copy we keep of it.

- The first bytes must be those of JPEG, PNG, WebP or PDF (magic numbers), and the file must then
  really decode as that format with its library: Pillow for images, pypdf for PDFs.
- Images are re-encoded by Pillow (a maintained imaging library with a security record we can follow)
  from the decoded pixels: EXIF (GPS position, camera, owner), XMP, IPTC and comments are not copied;
  the EXIF orientation is applied to the pixels first, so a phone photo stays upright without it. The
  long side is capped at ``MAX_SIDE``; a WebP thumbnail of ``THUMB_SIDE`` is made beside it.
- Decompression bombs: an image's dimensions are read from its header before a pixel is decoded, and
  more than ``MAX_PIXELS`` is refused; Pillow's own bomb warning is turned into a refusal too.
- PDFs cannot be re-encoded without a renderer, so they are kept as sent, and refused when they carry
  anything that acts by itself: JavaScript, an open action, additional actions, launch / submit /
  import actions, embedded files, XFA forms or rich media. pypdf parses the file (cross-reference
  streams, compressed object streams, ``#xx`` escapes in names are all undone by it) and every object
  reachable from the trailer is walked; a plain byte scan runs beside it, because a viewer repairs a
  broken file by scanning for objects that a strict parser's cross-reference table does not list.
  Encrypted PDFs are refused: what they hold cannot be inspected. Served PDFs are also downloads
  under a sandboxing Content-Security-Policy (``http.py``), so a missed trick still cannot script
  the site.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
from dataclasses import dataclass

from server.attachments.errors import AttachmentErrorCode as C
from server.errors import DomainError
from server.i18n import msg
from server.upload_reader import too_large

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 48-megapixel phone photo is 8000×6000; more is a bomb or not a photo
MAX_SIDE = 4096
THUMB_SIDE = 320
MAX_PDF_OBJECTS = 100_000

JPEG, PNG, WEBP, PDF = "image/jpeg", "image/png", "image/webp", "application/pdf"
IMAGE_TYPES = (JPEG, PNG, WEBP)
_PILLOW_FORMAT = {JPEG: "JPEG", PNG: "PNG", WEBP: "WEBP"}


@dataclass(frozen=True)
class Cleaned:
    content_type: str
    data: bytes
    thumbnail: bytes | None = None
    width: int | None = None
    height: int | None = None


def sniff(head: bytes) -> str | None:
    """The type the first bytes declare, or None when they are none of ours."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"%PDF-"):
        return PDF
    return None


def clean(data: bytes) -> Cleaned:
    """Check and clean one uploaded file (CPU-bound: the caller runs it in a thread)."""
    if not data:
        raise DomainError(C.EMPTY_FILE, msg("The file is empty."), "file")
    if len(data) > MAX_FILE_BYTES:
        raise too_large(C.FILE_TOO_LARGE, MAX_FILE_BYTES)
    kind = sniff(data[:16])
    if kind is None:
        raise DomainError(C.UNSUPPORTED_TYPE, msg("Only JPEG, PNG and WebP photos and PDF documents can be attached."), "file")
    if kind == PDF:
        check_pdf(data)
        return Cleaned(content_type=PDF, data=data)
    return clean_image(data, kind)


# ---------------------------------------------------------------- images


def _not_decodable() -> DomainError:
    return DomainError(C.INVALID_FILE, msg("The file looks like an image but cannot be read; it may be damaged."), "file")


def _too_many_pixels() -> DomainError:
    return DomainError(C.IMAGE_TOO_LARGE, msg("The image is too large: at most {mp} megapixels.",
                                              mp=MAX_PIXELS // 1_000_000), "file")


def clean_image(data: bytes, kind: str) -> Cleaned:
    from PIL import Image, ImageOps, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=[_PILLOW_FORMAT[kind]]) as im:
                width, height = im.size  # from the header: nothing decoded yet
                if width < 1 or height < 1:
                    raise _not_decodable()
                if width * height > MAX_PIXELS:
                    raise _too_many_pixels()
                im.seek(0)  # an animation keeps its first frame
                im.load()
                upright = ImageOps.exif_transpose(im)
                icc = im.info.get("icc_profile")
        except DomainError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels() from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, struct.error):
            raise _not_decodable() from None

    image = _pixels_only(upright)
    if max(image.size) > MAX_SIDE:
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    extra = {"icc_profile": icc} if icc else {}  # colour, not identity: keep it
    if kind == JPEG:
        image = image if image.mode in ("RGB", "L") else image.convert("RGB")
        image.save(out, "JPEG", quality=88, optimize=True, **extra)
    elif kind == PNG:
        image.save(out, "PNG", **extra)
    else:
        image = image if image.mode in ("RGB", "RGBA") else image.convert("RGBA" if _has_alpha(image) else "RGB")
        image.save(out, "WEBP", quality=85, **extra)

    thumb = image.copy()
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    thumb = thumb if thumb.mode in ("RGB", "RGBA") else thumb.convert("RGBA" if _has_alpha(thumb) else "RGB")
    thumb_out = io.BytesIO()
    thumb.save(thumb_out, "WEBP", quality=80)
    return Cleaned(content_type=kind, data=out.getvalue(), thumbnail=thumb_out.getvalue(),
                   width=image.size[0], height=image.size[1])


def _has_alpha(image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def _pixels_only(image):
    """A new image holding only the pixels (and a palette): nothing of ``info`` — EXIF, XMP,
    comments, text chunks — can ride along into the saved file."""
    from PIL import Image

    if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
        image = image.convert("RGBA" if _has_alpha(image) else "RGB")
    fresh = Image.new(image.mode, image.size)
    if image.mode == "P":
        fresh.putpalette(image.getpalette())
        if "transparency" in image.info:
            fresh.info["transparency"] = image.info["transparency"]
    fresh.paste(image)
    return fresh


# ---------------------------------------------------------------- PDF

# Keys that make a PDF act by itself when opened or clicked.
_ACTIVE_KEYS = frozenset({"/JS", "/JavaScript", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile", "/EmbeddedFiles",
                          "/RichMedia", "/XFA", "/SubmitForm", "/ImportData"})
_ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE",
                             "/RichMediaExecute", "/Rendition", "/Sound", "/Movie"})
# The same names as raw bytes, also when written with #xx escapes (/J#61vaScript).
_RAW_ACTIVE = re.compile(rb"/(?:JS|JavaScript|OpenAction|AA|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData)(?![A-Za-z0-9])")
_NAME_ESCAPE = re.compile(rb"/[A-Za-z0-9]*#[0-9A-Fa-f]{2}[A-Za-z0-9#]*")


def _active() -> DomainError:
    return DomainError(C.PDF_ACTIVE_CONTENT, msg("The PDF contains scripts, automatic actions or embedded files, "
                                                 "which are not accepted. Save it again as a plain PDF "
                                                 "(print to PDF) and attach that."), "file")


def check_pdf(data: bytes) -> None:
    if _RAW_ACTIVE.search(data) or any(_RAW_ACTIVE.fullmatch(_unescape(m.group(0))) for m in _NAME_ESCAPE.finditer(data)):
        raise _active()
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    invalid = DomainError(C.INVALID_FILE, msg("The file looks like a PDF but cannot be read; it may be damaged."), "file")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise DomainError(C.PDF_ENCRYPTED, msg("Password-protected PDFs cannot be attached: their content cannot "
                                                   "be checked."), "file")
        if len(reader.pages) < 1:
            raise invalid
        seen: set[tuple[int, int]] = set()
        stack: list = [reader.trailer]
        walked = 0
        while stack:
            obj = stack.pop()
            if isinstance(obj, IndirectObject):
                key = (obj.idnum, obj.generation)
                if key in seen:
                    continue
                seen.add(key)
                obj = obj.get_object()
            walked += 1
            if walked > MAX_PDF_OBJECTS:
                raise invalid
            if isinstance(obj, DictionaryObject):  # streams are dictionaries too
                for k, v in obj.items():
                    if str(k) in _ACTIVE_KEYS:
                        raise _active()
                    if str(k) == "/S" and isinstance(v, NameObject) and str(v) in _ACTIVE_ACTIONS:
                        raise _active()
                    if str(k) != "/Parent":  # the page tree's back links lead nowhere new
                        stack.append(v)
            elif isinstance(obj, ArrayObject):
                stack.extend(obj)
    except DomainError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError,
            AssertionError, ZeroDivisionError):
        raise invalid from None


def _unescape(name: bytes) -> bytes:
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), name)
