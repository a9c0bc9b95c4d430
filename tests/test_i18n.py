"""Every message the server can send a person exists in Korean (the default) and English, from one
catalogue (``server/i18n``): a test reads the code for every message written in it, so a new
message without its Korean fails here rather than reaching a Korean reader in English."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from server.agendas.enums import AgendaStatus
from server.errors import DomainError
from server.i18n import KO, localize, msg, negotiate
from server.i18n import label as as_label


ROOT = Path(__file__).resolve().parent.parent
MESSAGE_CALLS = {"DomainError", "msg", "label", "as_label", "Message", "BadRequest", "AuthFailure", "localize"}
SECOND_ARGUMENT = {"DomainError", "BadRequest", "AuthFailure"}  # (code or status, message)


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # "a" "b" across lines is one Constant; + too
        left, right = _text(node.left), _text(node.right)
        return left + right if left is not None and right is not None else None
    return None


def written_messages() -> tuple[set[str], list[str]]:
    """(templates written in the code, places where a message is built with an f-string)."""
    found: set[str] = set()
    fstrings: list[str] = []
    for path in [*ROOT.glob("server/**/*.py"), *ROOT.glob("schema/**/*.py")]:
        if "migrations" in path.parts or path.parts[-2] == "i18n":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name in MESSAGE_CALLS:
                position = 1 if name in SECOND_ARGUMENT else 0
                if len(node.args) > position:
                    arg = node.args[position]
                    if isinstance(arg, ast.JoinedStr):
                        fstrings.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                    elif (text := _text(arg)) is not None:
                        found.add(text)
            if name in ("_text", "text") and len(node.args) > 4 and (text := _text(node.args[4])) is not None:
                found.add(text)  # the workshops' and cases' form helpers take the label fifth
            for kw in node.keywords:  # clean_text(..., label="title")
                if kw.arg == "label" and (text := _text(kw.value)) is not None:
                    found.add(text)
    return found, fstrings


def test_every_message_written_in_the_code_has_its_korean():
    found, fstrings = written_messages()
    assert not fstrings, f"build messages with msg(template, **params), not f-strings: {fstrings}"
    missing = sorted(t for t in found if t not in KO)
    assert not missing, "add these to server/i18n/ko.py:\n" + "\n".join(missing)
    assert all(s.value in KO for s in AgendaStatus)


def test_every_notification_text_has_its_korean():
    from server.notifications import catalogue

    texts = [*catalogue._TITLES.values(), *catalogue._BODIES.values(), *catalogue._WITH_REASON.values(),
             *catalogue._ACTIONS.values()]
    missing = sorted(t for t in texts if t not in KO)
    assert not missing, "add these to server/i18n/ko.py:\n" + "\n".join(missing)
    assert set(catalogue._TITLES) == set(catalogue._BODIES) == set(catalogue.Kind)


def test_catalogue_keeps_every_placeholder():
    import string

    def names(t: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(t) if f}

    wrong = {en: ko for en, ko in KO.items() if names(en) != names(ko)}
    assert not wrong, wrong


def test_korean_particles_follow_the_word():
    m = msg("A {label} needs at least {min} characters.", label=as_label("title"), min=5)
    assert m == "A title needs at least 5 characters."  # the English text is the message itself
    assert localize(m, "ko") == "제목은 5자 이상 적어 주세요."
    assert localize(msg("A {label} needs at least {min} characters.", label=as_label("description"), min=20),
                    "ko") == "설명은 20자 이상 적어 주세요."
    assert localize(msg("Enter a {label}.", label=as_label("title")), "ko") == "제목을 적어 주세요."
    assert localize(msg("Enter a {label}.", label=as_label("reason")), "ko") == "사유를 적어 주세요."


def test_statuses_and_plain_messages_render_in_both_languages():
    from server.agendas.labels import status_label

    m = msg("An agenda that is {status} no longer takes supports.", status=status_label(AgendaStatus.MERGED))
    assert str(m) == "An agenda that is MERGED no longer takes supports."
    assert localize(m, "ko") == "병합 상태인 의제에는 더 이상 공감할 수 없습니다."
    assert localize("You cannot support your own agenda.", "ko") == "자신이 제안한 의제에는 공감할 수 없습니다."
    assert localize("You cannot support your own agenda.", "en") == "You cannot support your own agenda."
    # Text the catalogue does not know (never the case for the code's own, see above) stays as it is.
    assert localize("광화문 광장", "ko") == "광화문 광장"


@pytest.mark.parametrize("header, language", [
    (None, "ko"), ("", "ko"), ("en", "en"), ("en-US,en;q=0.9", "en"), ("ko-KR,ko;q=0.9,en;q=0.8", "ko"),
    ("fr-FR,en;q=0.5", "en"), ("zh-TW,zh;q=0.9", "ko"), ("en;q=0,ko;q=0.1", "ko"), ("de;q=abc", "ko"),
    ("ko;q=0.2,en;q=0.8", "en"),
])
def test_language_is_negotiated_from_accept_language(header, language):
    assert negotiate(header) == language


def test_domain_errors_keep_their_english_for_logs_and_the_cli():
    err = DomainError(None, msg("Use at least {min} characters.", min=10), "password")  # type: ignore[arg-type]
    assert err.message == "Use at least 10 characters." and str(err) == "Use at least 10 characters."


SUPPORT = "mutation($id: ID!) { supportAgenda(id: $id) { agenda { id } errors { field code message } } }"


async def test_a_korean_reader_is_told_in_korean_and_an_english_reader_in_english(gql):
    """지우 tries to support her own proposal: the refusal is in Korean by default and follows
    Accept-Language; so is a specific validation reason (not only a generic one per code)."""
    from tests.agenda_world import build_world, propose

    world = await build_world(gql)
    agenda = (await propose(gql, world.tokens["citizen"]))["agenda"]
    korean = (await gql(SUPPORT, {"id": agenda["id"]}, token=world.tokens["citizen"]))["data"]["supportAgenda"]
    assert korean["errors"] == [{"field": "id", "code": "FORBIDDEN", "message": "자신이 제안한 의제에는 공감할 수 없습니다."}]
    english = (await gql(SUPPORT, {"id": agenda["id"]}, token=world.tokens["citizen"],
                         headers={"Accept-Language": "en"}))["data"]["supportAgenda"]
    assert english["errors"][0]["message"] == "You cannot support your own agenda."

    short = await propose(gql, world.tokens["citizen"], title="버스")
    assert {"field": "title", "code": "TOO_SHORT", "message": "제목은 5자 이상 적어 주세요."} in short["errors"]
    short_en = (await gql("mutation($input: ProposeAgendaInput!) { proposeAgenda(input: $input) { errors { field code message } } }",
                          {"input": {"title": "bus", "body": "휠체어를 타는 시민이 저상버스를 미리 예약하면 좋겠습니다.",
                                     "field": "PARTICIPATION_PUBLIC_SERVICE"}},
                          token=world.tokens["citizen"], headers={"Accept-Language": "en-GB"}))["data"]["proposeAgenda"]
    assert {"field": "title", "code": "TOO_SHORT", "message": "A title needs at least 5 characters."} in short_en["errors"]


async def test_query_errors_follow_the_reader_language_too(gql):
    query = "{ workshops(year: 2026) { id } }"
    assert (await gql(query))["errors"][0]["message"] == "로그인이 필요합니다."
    assert (await gql(query, headers={"Accept-Language": "en"}))["errors"][0]["message"] == "You must be logged in."
