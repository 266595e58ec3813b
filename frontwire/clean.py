"""The clean stage: take page furniture out of a report's text, keeping a record of it.

Readers leave the headline out of ``Document.text`` (it lives in
``Document.title``). This stage builds the analysed text as
``title + "\\n\\n" + cleaned body`` so headlines are analysed too, and every span
offset of later stages refers to that string. A body paragraph that merely
repeats the title is removed (reason "title") so the headline is not read twice.

Nothing disappears silently: every removed line (or sentence, or glued outlet
name) goes to ``report.removed`` as a :class:`~frontwire.model.RemovedLine` with
its reason and its 0-based line number in ``Document.text``. Reasons:
"see-also", "photo-credit", "caption", "updated-note", "contact-note",
"boilerplate", "outlet-prefix", "title". An "Updated 12/03/24, 5 a.m. ET" note
also sets ``Document.updated`` (when the reader found none), read with the
outlet's locale and the article as context, both readings kept.
"""

from __future__ import annotations

import re

from .model import RemovedLine, Report, Timestamp
from .timestamps import outlet_locale, parse_timestamp

_SEE_ALSO = re.compile(
    r"^(?:(?:see also|read more|also read|read also|more on this)\b\s*[:\-–—]?"
    r"|related(?: articles?| stories| coverage)?\s*:)\s*\S",
    re.I,
)
_AGENCIES = (
    r"(?:AFP|Reuters|AP|EPA(?:-EFE)?|Getty Images|Anadolu(?: Agency)?|Sipa USA|Shutterstock|"
    r"TASS|Sputnik|NurPhoto|SOPA Images|LightRocket|Ukrinform|Alamy|Bloomberg|Xinhua|"
    r"Associated Press|Global Images Ukraine|Future Publishing)"
)
_CREDITS = [
    re.compile(r"^(?:photos?|images?|pictures?|photograph|(?:photo )?credit|video|illustration)"
               r"(?: credit)?\s*[:：]\s*\S.{0,100}$", re.I),
    re.compile(r"^[^.!?]{2,60}/\s*(?:[^./]{2,40}/\s*)?" + _AGENCIES
               + r"(?:\s+via\s+Getty Images)?\.?$"),
    re.compile(r"^[^.!?]{0,80}\bvia Getty Images\.?$"),
    re.compile(r"^\(?(?:AP|AFP|Reuters|EPA) Photos?\s*/[^)]{1,80}\)?$"),
    re.compile(r"^(?:Getty Images|Shutterstock|AFP via Getty Images)$"),
]  # fmt: skip
_CAPTION_CREDIT = re.compile(r"\((?:AP|AFP|Reuters|EPA) Photos?\s*/[^)]{1,80}\)\s*$")
# A caption cut mid-sentence: a lower-case word with the ellipsis glued on ("amid…").
_ELLIPSIS = re.compile(r"[a-z,](?:…|\.\.\.)\s*$")
_UPDATED = re.compile(
    r"^(?:last\s+)?updated?(?:\s+(?:on|at))?\s*:?\s*(?P<when>[^:]{0,12}\d.{0,50}?)"
    r"(?:\s*:\s+(?P<rest>.*)|\s*$)",
    re.I,
)
_UPDATED_PLAIN = re.compile(
    r"^(?:this (?:article|story|report) (?:has been|was) updated|this is a developing story|"
    r"editor'?s note:)",
    re.I,
)
_CONTACT = re.compile(
    r"\b(?:(?:has|have|had|was|were) (?:been )?(?:contacted|approached|asked)"
    r"(?: by [\w'’ ]{1,30})? for (?:a )?comment"
    r"|did not (?:immediately )?(?:respond|reply) to (?:a |an |our |[\w'’]+ |multiple )?"
    r"(?:requests?|emails?|inquir(?:y|ies)|messages?|calls?)\b(?: for comment)?"
    r"|did not (?:immediately )?return (?:a |our )?(?:requests?|calls?|emails?) for comment"
    r"|could not (?:immediately )?be reached for comment"
    r"|(?:has |have )?(?:reached out to|contacted) .{1,80}? for comment)",
    re.I,
)
_BOILERPLATE = re.compile(
    r"^(?:share (?:this|on)\b|share$|subscribe (?:to|now|for)\b|sign up (?:for|to|now)\b|"
    r"follow (?:us|\w+) on\b|join (?:us|our)\b.{0,40}\b(?:telegram|whatsapp|newsletter|channel)|"
    r"click here\b|download (?:the|our) app|advertisement$|skip to (?:main )?content|"
    r"copy link$|listen to this article|read (?:the )?full (?:story|article)|"
    r"support (?:our|independent) journalism|related topics?$|most read$|tweet$|print$)",
    re.I,
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“‘(])")
_MAX_FURNITURE = 300  # credit lines, notes and captions are short; story paragraphs are not


def clean_text(
    text: str,
    outlet: str = "",
    published: Timestamp | None = None,
    *,
    title: str = "",
    url: str = "",
) -> tuple[str, list[RemovedLine], Timestamp | None]:
    """Cleaned report body, the removed lines with reasons, and an update timestamp if found.

    text (str): the document body as read (without the headline).
    outlet (str): the document's outlet; a glued copy at a paragraph start is dropped and
        its locale decides day/month order in an update note.
    published (Timestamp | None): publication time; an update note cannot precede it.
    title (str): the headline; a body paragraph equal to it is removed.
    url (str): the article URL (a fallback for the outlet's locale).
    RETURNS (tuple): (cleaned text, removed lines, updated timestamp or None).
    """
    if not isinstance(text, str):
        raise TypeError(f"clean_text expects a string, got {type(text).__name__}")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    reasons = _classify(lines, outlet, title)
    removed: list[RemovedLine] = []
    kept: list[str] = []
    updated: Timestamp | None = None
    for no, line in enumerate(lines):
        reason = reasons.get(no)
        if reason is None:
            kept.append(_strip_parts(line, no, outlet, removed))
            continue
        removed.append(RemovedLine(text=line.strip(), reason=reason, line_no=no))
        if reason == "updated-note" and updated is None:
            updated = _update_stamp(line.strip(), text, outlet, url, published)
        kept.append("")
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return body, removed, updated


def _classify(lines: list[str], outlet: str, title: str) -> dict[int, str]:
    """0-based line number -> removal reason, for whole lines that are not story text."""
    reasons: dict[int, str] = {}
    for no, line in enumerate(lines):
        reason = line_reason(line.strip())
        if reason:
            reasons[no] = reason
    first = next((no for no, line in enumerate(lines) if line.strip()), None)
    if first is not None and title and _same(lines[first], title):
        reasons[first] = "title"
    for no in range(len(lines)):
        if no not in reasons and _is_caption(lines, no, reasons):
            reasons[no] = "caption"
    return reasons


def line_reason(line: str) -> str | None:
    """Why a whole (stripped) line is not story text, or None when it is."""
    if not line or len(line) > _MAX_FURNITURE:
        return None
    if _SEE_ALSO.match(line):
        return "see-also"
    if _UPDATED.match(line) or _UPDATED_PLAIN.match(line):
        return "updated-note"
    if any(p.match(line) for p in _CREDITS):
        return "photo-credit"
    if _CAPTION_CREDIT.search(line):
        return "caption"
    if _BOILERPLATE.match(line):
        return "boilerplate"
    sentences = _sentences(line)
    if sentences and all(_is_contact(s) for s in sentences):
        return "contact-note"
    return None


def _is_contact(sentence: str) -> bool:
    """A "could not be reached for comment" sentence and nothing else of substance.

    The note must end the sentence and its subject must be short, so that
    "It gave no reason for the expulsions and X could not be reached for comment"
    or "X did not respond to the request, and Y appeared anyway" stay in the story.
    """
    match = _CONTACT.search(sentence)
    if not match:
        return False
    tail = sentence[match.end() :].strip(" .\"”’")
    return match.start() <= 80 and len(tail) <= 30 and "," not in tail


def _is_caption(lines: list[str], no: int, reasons: dict[int, str]) -> bool:
    """A truncated one-line paragraph ("... amid…"): a photo caption, not a story sentence."""
    line = lines[no].strip()
    if not line or len(line) > _MAX_FURNITURE or not _ELLIPSIS.search(line):
        return False
    if len(line.split()) < 8 or re.match(r"[QA]\s*[:.]|Q[A-Z]", line):  # interview Q&A
        return False
    alone = (no == 0 or not lines[no - 1].strip()) and (
        no + 1 >= len(lines) or not lines[no + 1].strip()
    )
    if not alone:
        return False
    nxt = next((i for i in range(no + 1, len(lines)) if lines[i].strip()), None)
    credit_follows = nxt is not None and reasons.get(nxt) == "photo-credit"
    # A quotation trailing off ("We will...") is story text; captions carry no quotes.
    return credit_follows or not re.search(r"[\"“”]", line)


def _strip_parts(line: str, no: int, outlet: str, removed: list[RemovedLine]) -> str:
    """Drop contact-note sentences and a glued outlet name from a kept line."""
    if outlet and line.lstrip().startswith(outlet + " "):
        rest = line.lstrip()[len(outlet) + 1 :]
        if re.match(r"[A-Z“\"‘]", rest) and len(rest.split()) >= 3:
            removed.append(RemovedLine(text=outlet, reason="outlet-prefix", line_no=no))
            line = rest
    sentences = _sentences(line)
    if len(sentences) > 1 and any(_is_contact(s) for s in sentences):
        keep = []
        for sentence in sentences:
            if _is_contact(sentence):
                removed.append(RemovedLine(text=sentence, reason="contact-note", line_no=no))
            else:
                keep.append(sentence)
        line = " ".join(keep)
    return line


def _sentences(line: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_SPLIT.split(line.strip()) if s.strip()]


def _same(line: str, title: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(s.split()).strip(" .").lower()

    return norm(line) == norm(title)


def _update_stamp(
    line: str, article: str, outlet: str, url: str, published: Timestamp | None
) -> Timestamp | None:
    match = _UPDATED.match(line)
    if not match:
        return None
    reference = published.value if published else None
    return parse_timestamp(match["when"], outlet_locale(outlet, url), article, reference)


class Cleaner:
    """Pipeline stage "clean": sets ``report.text`` and ``report.removed``.

    keep_title (bool): put the headline first in the analysed text (default True).
    """

    name = "clean"

    def __init__(self, keep_title: bool = True) -> None:
        self.keep_title = keep_title

    def __call__(self, report: Report) -> Report:
        doc = report.document
        body, removed, updated = clean_text(
            doc.text, doc.outlet, doc.published, title=doc.title, url=doc.url
        )
        if updated is not None and doc.updated is None:
            doc.updated = updated
        title = " ".join(doc.title.split())
        parts = [title] if self.keep_title and title else []
        if body:
            parts.append(body)
        report.text = "\n\n".join(parts)
        report.removed = removed
        if not body:
            report.warnings.append("clean: no report text left after cleaning")
        return report
