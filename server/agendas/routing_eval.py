"""Measuring the routing rule on labelled proposals (``agenda routing-eval FILE``): a city checks the
rule on its own past decisions before trusting it, and the team holds it to a target on realistic
text in Korean, English and Traditional Chinese.

A labelled case is one JSON object per line: ``{title, body, field, expect}`` where ``expect`` lists
the acceptable owners — department codes, or ``"OFFICER"`` when the Social Innovation Officer is a
right answer (a genuinely multi-department proposal). An optional ``lang`` (``ko``/``en``/``zh``) is
used as given; without it the language is read from the script of the text, so a city's own export
needs no extra column. Pure: the caller hands in a :class:`~server.agendas.routing.Router`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Iterable

from server.agendas.errors import AgendaErrorCode as C
from server.agendas.routing import AgendaText, OwnerKind, Router, RoutingDecision
from server.errors import DomainError, ValidationErrors
from server.i18n import msg

OFFICER = "OFFICER"
LANGUAGES = ("ko", "en", "zh")
MAX_CASES = 100_000


@dataclass(frozen=True)
class LabelledCase:
    line: int
    lang: str
    agenda: AgendaText
    expect: frozenset[str]


@dataclass(frozen=True)
class Miss:
    case: LabelledCase
    decision: RoutingDecision

    @property
    def got(self) -> str:
        return self.decision.department_code or OFFICER


@dataclass
class LanguageScore:
    total: int = 0
    correct: int = 0
    officer: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def officer_rate(self) -> float:
        return self.officer / self.total if self.total else 0.0


@dataclass
class EvalReport:
    overall: LanguageScore = field(default_factory=LanguageScore)
    by_language: dict[str, LanguageScore] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as printed by the CLI: totals, one line per language, then every miss with
        the rule's own explanation (the reason a person needs to fix a keyword or a duty statement)."""
        o = self.overall
        out = [f"{o.total} cases: accuracy {o.accuracy:.3f} ({o.correct}/{o.total}), "
               f"officer rate {o.officer_rate:.3f} ({o.officer}/{o.total})"]
        for lang in sorted(self.by_language, key=lambda code: (LANGUAGES + (code,)).index(code)):
            s = self.by_language[lang]
            out.append(f"  {lang}: accuracy {s.accuracy:.3f} ({s.correct}/{s.total}), "
                       f"officer rate {s.officer_rate:.3f}")
        if self.misses:
            out.append(f"misses ({len(self.misses)}):")
        for m in self.misses:
            out.append(f"  line {m.case.line} [{m.case.lang}] {m.case.agenda.title!r}: expected "
                       f"{' or '.join(sorted(m.case.expect))}, got {m.got} ({m.decision.reason.value}) — "
                       f"{m.decision.explanation}")
        return out


def detect_language(text: str) -> str:
    """``ko`` when the text has Hangul, else ``zh`` when it has Han characters, else ``en``."""
    if any("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f" for ch in text):
        return "ko"
    if any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text):
        return "zh"
    return "en"


def _case(line_no: int, raw: str) -> LabelledCase:
    where = msg("line {line}", line=line_no)
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DomainError(C.INVALID, msg("Not a JSON object: {error}.", error=exc.msg), where) from None
    if not isinstance(obj, dict):
        raise DomainError(C.INVALID, msg("Not a JSON object: {error}.", error=type(obj).__name__), where)
    title, body = obj.get("title"), obj.get("body", "")
    expect = obj.get("expect")
    if not isinstance(title, str) or not title.strip():
        raise DomainError(C.REQUIRED, msg("Each case needs a title."), where)
    if not isinstance(body, str) or not isinstance(obj.get("field", ""), str):
        raise DomainError(C.INVALID, msg("The body and field of a case are text."), where)
    if not isinstance(expect, list) or not expect or not all(isinstance(e, str) and e.strip() for e in expect):
        raise DomainError(C.REQUIRED, msg("Each case needs expect: a list of department codes or OFFICER."), where)
    lang = obj.get("lang")
    if lang not in LANGUAGES:
        lang = detect_language(title + " " + body)
    agenda = AgendaText(title=title, body=body, field=(obj.get("field") or "").strip().upper())
    return LabelledCase(line_no, lang, agenda, frozenset(e.strip().upper() for e in expect))


def parse_cases(lines: Iterable[str]) -> list[LabelledCase]:
    """Every case of a JSON-lines text; blank lines are skipped. All malformed lines are reported at
    once (each with its line number), so a file is fixed in one pass."""
    cases: list[LabelledCase] = []
    errors: list[DomainError] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            cases.append(_case(number, raw))
        except DomainError as exc:
            errors.append(exc)
        if len(cases) > MAX_CASES:
            raise DomainError(C.TOO_MANY_VALUES, msg("At most {max} cases.", max=MAX_CASES))
    if errors:
        raise ValidationErrors(errors[:50])
    if not cases:
        raise DomainError(C.REQUIRED, msg("The file has no cases."))
    return cases


def is_acceptable(decision: RoutingDecision, expect: frozenset[str]) -> bool:
    if decision.owner_kind is OwnerKind.INNOVATION_OFFICER:
        return OFFICER in expect
    return decision.department_code in expect


def evaluate(router: Router, cases: Iterable[LabelledCase]) -> EvalReport:
    report = EvalReport()
    for case in cases:
        decision = router.route(case.agenda)
        ok = is_acceptable(decision, case.expect)
        officer = decision.owner_kind is OwnerKind.INNOVATION_OFFICER
        for score in (report.overall, report.by_language.setdefault(case.lang, LanguageScore())):
            score.total += 1
            score.correct += ok
            score.officer += officer
        if not ok:
            report.misses.append(Miss(case, decision))
    return report
