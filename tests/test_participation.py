"""Participation and trust, as the people who use it: citizens discuss an agenda, the owner's staff
answer officially, three citizens report an abusive comment and it stays hidden until the officer
removes it (with an audit entry); internal notes stay among staff — never in a public answer, an
export or a search; bad input is refused with a clear UserError and nothing is stored."""

from __future__ import annotations

import json

import pytest

from server.accounts import service as accounts
from server.accounts.roles import Role
from server.audit.models import AuditEntry
from server.notifications.models import Notification
from server.participation.models import Comment, CommentReport, InternalNote
from tests.agenda_world import LOGIN, PASSWORD, TRIAGE, build_world, propose
from tests.test_list_counts import view_of

ADD = """
mutation($input: AddCommentInput!) {
  addComment(input: $input) { comment { id state body parentId isOfficialAnswer author { displayName } }
                              errors { field code message } }
}"""
EDIT = """mutation($input: EditCommentInput!) { editComment(input: $input) {
  comment { id body editedAt } errors { field code message } } }"""
DELETE = "mutation($id: ID!) { deleteComment(id: $id) { comment { id state body author { id } } errors { code } } }"
REPORT = """mutation($id: ID!, $reason: CommentReportReason!, $note: String) {
  reportComment(id: $id, reason: $reason, note: $note) { comment { id state viewerHasReported }
                                                         errors { field code message } } }"""
MARK = """mutation($id: ID!, $official: Boolean) { markOfficialAnswer(commentId: $id, official: $official) {
  comment { id isOfficialAnswer } errors { field code message } } }"""
MODERATE = """mutation($id: ID!, $decision: ModerationDecision!, $reason: String!) {
  moderateComment(id: $id, decision: $decision, reason: $reason) { comment { id state body openReportCount }
                                                                   errors { field code message } } }"""
QUEUE = """query($after: String) { moderationQueue(first: 10, after: $after) { totalCount
  edges { node { id state body openReportCount reports { reason note } agenda { id title } author { displayName } } }
  pageInfo { hasNextPage endCursor } } }"""
DISCUSSION = """
query($id: ID!, $first: Int, $after: String, $order: CommentOrder) {
  agenda(id: $id) {
    id
    officialAnswerComments { id body author { displayName } }
    comments(first: $first, after: $after, order: $order) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id state body isOfficialAnswer viewerCanEdit viewerCanMarkOfficial openReportCount
                            author { displayName } replies { id state body author { displayName } } } }
    }
  }
}"""
NOTES = """query($id: ID!) { agenda(id: $id) { id viewerCanReadInternalNotes
  internalNotes { id body author { displayName } } } }"""
ADD_NOTE = """mutation($input: AddInternalNoteInput!) { addInternalNote(input: $input) {
  note { id body author { displayName } } errors { field code message } } }"""


async def _citizen(gql, key: str, email: str, name: str, *, verified: bool = True) -> str:
    await accounts.create_user(email=email, password=PASSWORD, display_name=name, role=Role.CITIZEN,
                               email_verified=verified)
    data = await gql(LOGIN, {"e": email, "p": PASSWORD})
    return data["data"]["login"]["token"]


@pytest.fixture
async def city(app, gql):
    world = await build_world(gql)
    tokens = dict(world.tokens)
    tokens["citizen3"] = await _citizen(gql, "citizen3", "minjun@example.kr", "박민준")
    tokens["troll"] = await _citizen(gql, "troll", "troll@example.kr", "악플러")
    agenda = (await propose(gql, tokens["citizen"]))["agenda"]
    assert agenda["owner"]["department"]["code"] == "TRANSPORT" and agenda["status"] == "IN_TRIAGE"
    return tokens, agenda["id"]


async def _add(gql, token, agenda_id, body, parent=None):
    return (await gql(ADD, {"input": {"agendaId": agenda_id, "body": body, "parentId": parent}}, token=token))["data"]["addComment"]


async def _user_id(email: str) -> int:
    from server.accounts.models import User
    return (await User.get(email=email)).id


async def test_a_discussion_with_an_official_answer_and_a_moderated_abuse(city, gql):
    tokens, agenda_id = city

    # Others discuss: a comment with a link, a reply in Chinese with an emoji.
    first = await _add(gql, tokens["citizen2"], agenda_id, "좋은 제안입니다 👍 참고: https://example.org/저상버스?a=1&b=2")
    assert not first["errors"] and first["comment"]["state"] == "VISIBLE"
    reply = await _add(gql, tokens["citizen3"], agenda_id, "同意！輪椅使用者很需要 ♿", parent=first["comment"]["id"])
    assert not reply["errors"] and reply["comment"]["parentId"] == first["comment"]["id"]
    proposer, citizen2 = await _user_id("jiwoo@example.kr"), await _user_id("meiling@example.tw")
    assert await Notification.filter(user_id=proposer, kind="COMMENT_ADDED").count() == 1  # the first, still unread
    assert await Notification.filter(user_id=citizen2, kind="COMMENT_REPLY").count() == 1  # not COMMENT_ADDED too
    assert not await Notification.filter(user_id=await _user_id("minjun@example.kr")).exists()  # not of their own
    note = await Notification.filter(user_id=citizen2, kind="COMMENT_REPLY").first()
    listed = await gql("{ notifications(first: 5) { edges { node { kind title body } } } }", token=tokens["citizen2"])
    assert listed["data"]["notifications"]["edges"][0]["node"]["body"] == \
        "박민준 님이 「저상버스 탑승 예약 앱을 만들어 주세요」 의제의 내 댓글에 답글을 남겼습니다."
    assert note.params["author"] == "박민준"

    # The owner's staff answer; a citizen's comment cannot be an official answer, nor can a citizen mark one.
    staff = await _add(gql, tokens["transport"], agenda_id, "도시교통실입니다. 내년 상반기에 예약 시범 사업을 검토하겠습니다.")
    refused = (await gql(MARK, {"id": first["comment"]["id"]}, token=tokens["transport"]))["data"]["markOfficialAnswer"]
    assert refused["errors"][0]["code"] == "NOT_AN_OFFICIAL"
    refused = (await gql(MARK, {"id": staff["comment"]["id"]}, token=tokens["citizen"]))["data"]["markOfficialAnswer"]
    assert refused["errors"][0]["code"] == "FORBIDDEN"
    refused = (await gql(MARK, {"id": staff["comment"]["id"]}, token=tokens["welfare"]))["data"]["markOfficialAnswer"]
    assert refused["errors"][0]["code"] == "FORBIDDEN"  # another department's staff
    marked = (await gql(MARK, {"id": staff["comment"]["id"]}, token=tokens["transport2"]))["data"]["markOfficialAnswer"]
    assert marked["comment"]["isOfficialAnswer"] is True
    assert await Notification.filter(user_id=proposer, kind="COMMENT_OFFICIAL_ANSWER").count() == 1

    # An abusive comment; three citizens report it (one of them twice: it counts once).
    abuse = (await _add(gql, tokens["troll"], agenda_id, "이런 제안 하는 사람은 ○○○ 같은 놈이다"))["comment"]
    for who in ("citizen", "citizen", "citizen2"):
        r = (await gql(REPORT, {"id": abuse["id"], "reason": "ABUSE"}, token=tokens[who]))["data"]["reportComment"]
        assert not r["errors"] and r["comment"]["state"] == "VISIBLE" and r["comment"]["viewerHasReported"]
    own = (await gql(REPORT, {"id": abuse["id"], "reason": "SPAM"}, token=tokens["troll"]))["data"]["reportComment"]
    assert own["errors"][0]["code"] == "OWN_COMMENT"
    third = (await gql(REPORT, {"id": abuse["id"], "reason": "ABUSE", "note": "욕설입니다 🤬"},
                       token=tokens["citizen3"]))["data"]["reportComment"]
    assert third["comment"]["state"] == "HIDDEN"
    assert await CommentReport.filter(comment_id=int(abuse["id"])).count() == 3

    # The public sees the official answer apart, the discussion, and the hidden comment without its text.
    page = (await gql(DISCUSSION, {"id": agenda_id, "first": 10}))["data"]["agenda"]
    assert [c["body"] for c in page["officialAnswerComments"]] == ["도시교통실입니다. 내년 상반기에 예약 시범 사업을 검토하겠습니다."]
    nodes = [e["node"] for e in page["comments"]["edges"]]
    assert page["comments"]["totalCount"] == 3 and [n["state"] for n in nodes] == ["HIDDEN", "VISIBLE", "VISIBLE"]
    assert nodes[0]["body"] is None and nodes[0]["openReportCount"] is None
    assert "○○○" not in json.dumps(page, ensure_ascii=False)
    assert nodes[2]["replies"][0]["body"] == "同意！輪椅使用者很需要 ♿"

    # Moderators (not citizens) read the queue with the full text; the officer removes it.
    forbidden = await gql(QUEUE, token=tokens["citizen"])
    assert forbidden["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    queue = (await gql(QUEUE, token=tokens["officer"]))["data"]["moderationQueue"]
    assert queue["totalCount"] == 1
    item = queue["edges"][0]["node"]
    assert item["body"] == "이런 제안 하는 사람은 ○○○ 같은 놈이다" and item["openReportCount"] == 3
    assert sorted(r["reason"] for r in item["reports"]) == ["ABUSE", "ABUSE", "ABUSE"]
    assert item["agenda"]["id"] == agenda_id
    no_reason = (await gql(MODERATE, {"id": abuse["id"], "decision": "REMOVE", "reason": "   "},
                           token=tokens["officer"]))["data"]["moderateComment"]
    assert no_reason["errors"][0]["field"] == "reason"
    removed = (await gql(MODERATE, {"id": abuse["id"], "decision": "REMOVE", "reason": "욕설: 운영 원칙 3조"},
                         token=tokens["officer"]))["data"]["moderateComment"]
    assert not removed["errors"] and removed["comment"]["state"] == "REMOVED"
    entry = await AuditEntry.get(target=f"comment:{abuse['id']}")
    assert entry.action == "COMMENT_MODERATED" and entry.actor_id == await _user_id("officer@seoul.go.kr")
    assert entry.before["status"] == "HIDDEN" and entry.after["decision"] == "REMOVE"
    assert entry.after["reason"] == "욕설: 운영 원칙 3조"
    assert (await gql(QUEUE, token=tokens["officer"]))["data"]["moderationQueue"]["totalCount"] == 0

    # Reporting a removed comment is refused, and nothing is stored.
    late = (await gql(REPORT, {"id": abuse["id"], "reason": "ABUSE"}, token=tokens["citizen3"]))["data"]["reportComment"]
    assert late["comment"] is None and late["errors"][0]["code"] == "COMMENT_REMOVED"
    late = (await gql(REPORT, {"id": abuse["id"], "reason": "SPAM"}, token=tokens["transport"]))["data"]["reportComment"]
    assert late["errors"][0]["code"] == "COMMENT_REMOVED"
    assert await CommentReport.filter(comment_id=int(abuse["id"])).count() == 3

    # A moderator can restore a hidden comment too: it is visible again and its reports are answered.
    second = (await _add(gql, tokens["citizen"], agenda_id, "예약 앱 말고 전화 예약도 있으면 좋겠어요"))["comment"]
    for who in ("citizen2", "citizen3", "troll"):
        await gql(REPORT, {"id": second["id"], "reason": "OFF_TOPIC"}, token=tokens[who])
    restored = (await gql(MODERATE, {"id": second["id"], "decision": "RESTORE", "reason": "정상적인 의견입니다"},
                          token=tokens["admin"]))["data"]["moderateComment"]
    assert restored["comment"]["state"] == "VISIBLE" and restored["comment"]["openReportCount"] == 0
    assert await AuditEntry.filter(action="COMMENT_MODERATED").count() == 2


async def test_the_public_sees_each_change_to_a_discussion_at_once(city, gql, app):
    """Anonymous answers are shared (schema/anonymous_cache.py) until something readers see is
    written: a comment, its edit, its deletion, an official answer, a hiding by reports and a
    moderator's decision each count — the public never reads the discussion as it was before."""
    tokens, agenda_id = city
    view = view_of(app)
    view.answers.ttl = 600  # only a write may end a shared answer here, never its age

    async def public():
        page = (await gql(DISCUSSION, {"id": agenda_id, "first": 10}))["data"]["agenda"]
        return ([(e["node"]["state"], e["node"]["body"]) for e in page["comments"]["edges"]],
                [c["body"] for c in page["officialAnswerComments"]])

    assert await public() == ([], [])
    hits = view.answers.hits
    assert await public() == ([], []) and view.answers.hits == hits + 1  # shared

    added = (await _add(gql, tokens["citizen2"], agenda_id, "정류장마다 안내 방송도 있으면 좋겠어요 📢"))["comment"]
    assert await public() == ([("VISIBLE", "정류장마다 안내 방송도 있으면 좋겠어요 📢")], [])
    await gql(EDIT, {"input": {"id": added["id"], "body": "정류장마다 음성 안내도 있으면 좋겠어요 📢"}},
              token=tokens["citizen2"])
    assert await public() == ([("VISIBLE", "정류장마다 음성 안내도 있으면 좋겠어요 📢")], [])

    staff = (await _add(gql, tokens["transport"], agenda_id, "도시교통실입니다. 음성 안내는 내년에 시범 도입하겠습니다."))["comment"]
    await gql(MARK, {"id": staff["id"]}, token=tokens["transport"])
    assert (await public())[1] == ["도시교통실입니다. 음성 안내는 내년에 시범 도입하겠습니다."]

    abuse = (await _add(gql, tokens["troll"], agenda_id, "쓸데없는 제안 ○○○"))["comment"]
    assert ("VISIBLE", "쓸데없는 제안 ○○○") in (await public())[0]
    for who in ("citizen", "citizen2", "citizen3"):
        await gql(REPORT, {"id": abuse["id"], "reason": "ABUSE"}, token=tokens[who])
    assert ("HIDDEN", None) in (await public())[0]
    await gql(MODERATE, {"id": abuse["id"], "decision": "REMOVE", "reason": "욕설"}, token=tokens["officer"])
    assert ("REMOVED", None) in (await public())[0]

    await gql(DELETE, {"id": added["id"]}, token=tokens["citizen2"])
    assert ("DELETED", None) in (await public())[0]


async def test_an_official_answer_needs_a_comment_still_there_on_an_agenda_still_open(city, gql):
    """The owner's staff wrote an answer; its author withdraws it (deletes it), or the agenda is merged
    into another: neither can be marked an official answer any more, each refusal says why in Korean,
    and nobody is told of an answer that is not there."""
    tokens, agenda_id = city
    proposer = await _user_id("jiwoo@example.kr")
    text = "도시교통실입니다. 내년 상반기에 예약 시범 사업을 검토하겠습니다."

    # Marked, then withdrawn by its author: it leaves the official answers and cannot be marked again.
    staff = (await _add(gql, tokens["transport"], agenda_id, text))["comment"]
    marked = (await gql(MARK, {"id": staff["id"]}, token=tokens["transport2"]))["data"]["markOfficialAnswer"]
    assert marked["errors"] == [] and marked["comment"]["isOfficialAnswer"] is True
    gone = (await gql(DELETE, {"id": staff["id"]}, token=tokens["transport"]))["data"]["deleteComment"]
    assert gone["errors"] == [] and gone["comment"]["state"] == "DELETED"
    assert (await gql(DISCUSSION, {"id": agenda_id, "first": 10}))["data"]["agenda"]["officialAnswerComments"] == []
    for official in (True, False):
        refused = (await gql(MARK, {"id": staff["id"], "official": official},
                             token=tokens["transport2"]))["data"]["markOfficialAnswer"]
        assert refused["comment"] is None
        assert refused["errors"] == [{"field": "commentId", "code": "COMMENT_DELETED", "message": "삭제된 댓글입니다."}]
    assert await Notification.filter(user_id=proposer, kind="COMMENT_OFFICIAL_ANSWER").count() == 1

    # The agenda is merged into another (its discussion goes on there): no official answer on it any more.
    later = (await _add(gql, tokens["transport"], agenda_id, text))["comment"]
    main = (await propose(gql, tokens["citizen2"], title="저상버스 예약 서비스 도입", body="휠체어 이용자가 저상버스를 "
                          "미리 예약할 수 있는 앱이 필요합니다. 정류장에서 오래 기다리지 않도록 해 주세요."))["agenda"]
    dup = (await gql("query($id: ID!) { agenda(id: $id) { version } }", {"id": agenda_id}, token=tokens["transport"]))
    merged = (await gql(TRIAGE, {"input": {"id": agenda_id, "expectedVersion": dup["data"]["agenda"]["version"],
                                           "decision": "MERGE", "mergeIntoId": main["id"], "reason": "같은 제안입니다"}},
                        token=tokens["transport"]))["data"]["triageAgenda"]
    assert merged["errors"] == [] and merged["agenda"]["status"] == "MERGED"
    for who in ("transport", "officer", "admin"):
        refused = (await gql(MARK, {"id": later["id"]}, token=tokens[who]))["data"]["markOfficialAnswer"]
        assert refused["comment"] is None, who
        [error] = refused["errors"]
        assert (error["field"], error["code"]) == ("commentId", "AGENDA_MERGED"), who
        assert error["message"] == "다른 의제에 병합된 의제입니다. 공식 답변은 병합된 의제에 남겨 주세요.", who
    assert await Comment.filter(id=int(later["id"]), official_answer=True).count() == 0
    assert await Notification.filter(user_id=proposer, kind="COMMENT_OFFICIAL_ANSWER").count() == 1
    # In English to an English reader.
    english = (await gql(MARK, {"id": later["id"]}, token=tokens["transport"], headers={"Accept-Language": "en"}))
    assert english["data"]["markOfficialAnswer"]["errors"][0]["message"] == \
        "This agenda was merged into another: leave the official answer on the agenda it was merged into."


async def test_only_reporters_with_a_verified_address_hide_a_comment(city, gql):
    """Three throwaway accounts that never confirmed their address report a citizen's comment: it
    stays up (a moderator still sees the reports in the queue); three verified citizens hide it."""
    tokens, agenda_id = city
    comment = (await _add(gql, tokens["citizen2"], agenda_id, "정류장마다 경사판 안내가 있으면 좋겠습니다."))["comment"]
    for i in range(3):
        token = await _citizen(gql, f"throwaway{i}", f"throwaway{i}@example.kr", f"새 계정 {i}", verified=False)
        r = (await gql(REPORT, {"id": comment["id"], "reason": "SPAM"}, token=token))["data"]["reportComment"]
        assert r["errors"] == [] and r["comment"]["state"] == "VISIBLE" and r["comment"]["viewerHasReported"]
    queue = (await gql(QUEUE, {}, token=tokens["officer"]))["data"]["moderationQueue"]
    assert [(e["node"]["id"], e["node"]["state"], e["node"]["openReportCount"]) for e in queue["edges"]] == \
        [(comment["id"], "VISIBLE", 3)]

    states = []
    for who in ("citizen", "citizen3", "troll"):
        r = (await gql(REPORT, {"id": comment["id"], "reason": "SPAM"}, token=tokens[who]))["data"]["reportComment"]
        states.append(r["comment"]["state"])
    assert states == ["VISIBLE", "VISIBLE", "HIDDEN"]
    assert await CommentReport.filter(comment_id=int(comment["id"])).count() == 6
    public = (await gql(DISCUSSION, {"id": agenda_id, "first": 10}))["data"]["agenda"]["comments"]["edges"]
    assert [(e["node"]["state"], e["node"]["body"]) for e in public] == [("HIDDEN", None)]


async def test_a_follower_is_told_of_new_comments_once_until_they_read_it(city, gql):
    """A busy discussion: the proposer and a follower get one "new comment" notice for the agenda and
    no more while it is unread (nor a second e-mail); once read, the next comment is news again. A
    reply to one's own comment is always told."""
    tokens, agenda_id = city
    follow = "mutation($id: ID!) { followAgenda(id: $id, following: true) { errors { code } } }"
    assert (await gql(follow, {"id": agenda_id}, token=tokens["citizen3"]))["data"]["followAgenda"]["errors"] == []
    proposer, follower = await _user_id("jiwoo@example.kr"), await _user_id("minjun@example.kr")

    async def added(user_id):
        return await Notification.filter(user_id=user_id, kind="COMMENT_ADDED", agenda_id=int(agenda_id)).order_by("id")

    first = (await _add(gql, tokens["citizen2"], agenda_id, "저도 같은 생각입니다. 경사판 안내가 꼭 필요해요."))["comment"]
    for body in ("정류장 안내판에도 표시해 주세요 🚏", "輪椅使用者也需要這個服務。", "교통약자 콜택시와 연계하면 좋겠습니다."):
        assert not (await _add(gql, tokens["troll"], agenda_id, body))["errors"]
    for who in (proposer, follower):
        [notice] = await added(who)
        assert notice.params["author"] == "陳美玲" and notice.read_at is None
        assert notice.email_state == "pending"  # one e-mail, not four

    # The follower reads it; the next comment tells them again — the proposer, who has not read, is not told.
    read = """mutation($ids: [ID!]) { markNotificationsRead(ids: $ids, all: false) { errors { code } } }"""
    [notice] = await added(follower)
    assert (await gql(read, {"ids": [str(notice.id)]}, token=tokens["citizen3"]))["data"]["markNotificationsRead"]["errors"] == []
    assert not (await _add(gql, tokens["troll"], agenda_id, "시범 사업 결과도 공유해 주세요."))["errors"]
    assert [n.params["author"] for n in await added(follower)] == ["陳美玲", "악플러"]
    assert len(await added(proposer)) == 1

    # A reply to the proposer's own comment is told even while "new comments" waits unread.
    own = (await _add(gql, tokens["citizen"], agenda_id, "의견 감사합니다. 더 보태 주세요."))["comment"]
    assert not (await _add(gql, tokens["citizen2"], agenda_id, "네, 좋습니다!", parent=own["id"]))["errors"]
    assert await Notification.filter(user_id=proposer, kind="COMMENT_REPLY").count() == 1
    assert len(await added(proposer)) == 1


async def test_comments_page_both_ways_and_deleting_keeps_the_replies(city, gql):
    tokens, agenda_id = city
    ids = [(await _add(gql, tokens["citizen2"], agenda_id, f"의견 {i}번 — opinion {i}"))["comment"]["id"] for i in range(5)]
    newest = (await gql(DISCUSSION, {"id": agenda_id, "first": 2}))["data"]["agenda"]["comments"]
    assert [e["node"]["id"] for e in newest["edges"]] == ids[:-3:-1] and newest["pageInfo"]["hasNextPage"]
    rest = (await gql(DISCUSSION, {"id": agenda_id, "first": 10, "after": newest["pageInfo"]["endCursor"]}))
    assert [e["node"]["id"] for e in rest["data"]["agenda"]["comments"]["edges"]] == ids[2::-1]
    oldest = (await gql(DISCUSSION, {"id": agenda_id, "first": 3, "order": "OLDEST"}))["data"]["agenda"]["comments"]
    assert [e["node"]["id"] for e in oldest["edges"]] == ids[:3]
    forged = await gql(DISCUSSION, {"id": agenda_id, "first": 3, "after": "bm9wZQ"})
    assert forged["errors"][0]["extensions"]["code"] == "INVALID_CURSOR"
    mixed = await gql(DISCUSSION, {"id": agenda_id, "first": 3, "order": "OLDEST", "after": newest["pageInfo"]["endCursor"]})
    assert mixed["errors"][0]["extensions"]["code"] == "INVALID_CURSOR"

    reply = await _add(gql, tokens["citizen3"], agenda_id, "맞아요", parent=ids[0])
    gone = (await gql(DELETE, {"id": ids[0]}, token=tokens["citizen2"]))["data"]["deleteComment"]
    assert gone["comment"]["state"] == "DELETED" and gone["comment"]["body"] is None and gone["comment"]["author"] is None
    page = (await gql(DISCUSSION, {"id": agenda_id, "first": 10, "order": "OLDEST"}))["data"]["agenda"]["comments"]
    first = page["edges"][0]["node"]
    assert first["state"] == "DELETED" and first["body"] is None
    assert [r["id"] for r in first["replies"]] == [reply["comment"]["id"]] and first["replies"][0]["body"] == "맞아요"
    edited = (await gql(EDIT, {"input": {"id": ids[1], "body": "고친 의견 ✍️"}}, token=tokens["citizen2"]))["data"]["editComment"]
    assert edited["comment"]["body"] == "고친 의견 ✍️" and edited["comment"]["editedAt"]
    again = (await gql(EDIT, {"input": {"id": ids[0], "body": "되살리기"}}, token=tokens["citizen2"]))["data"]["editComment"]
    assert again["errors"][0]["code"] == "COMMENT_DELETED"


async def test_bad_comments_are_refused_and_nothing_is_stored(city, gql):
    tokens, agenda_id = city
    top = (await _add(gql, tokens["citizen2"], agenda_id, "첫 댓글"))["comment"]
    reply = (await _add(gql, tokens["citizen3"], agenda_id, "답글", parent=top["id"]))["comment"]
    before = await Comment.all().count()

    spaces = await _add(gql, tokens["citizen"], agenda_id, "   \n\t \u3000 ")
    assert spaces["comment"] is None and spaces["errors"][0] == {
        "field": "body", "code": "REQUIRED", "message": "댓글을 적어 주세요."}
    huge = await _add(gql, tokens["citizen"], agenda_id, "가" * 100_000)
    assert huge["errors"][0]["code"] == "TOO_LONG" and "2,000자" in huge["errors"][0]["message"]
    assert not (await _add(gql, tokens["citizen"], agenda_id, "가" * 2_000))["errors"]  # the limit itself is fine
    deeper = await _add(gql, tokens["citizen"], agenda_id, "답글의 답글", parent=reply["id"])
    assert deeper["errors"][0]["code"] == "REPLY_TO_REPLY" and deeper["errors"][0]["field"] == "parentId"
    stranger = (await gql(EDIT, {"input": {"id": top["id"], "body": "남의 댓글 고치기"}}, token=tokens["citizen"]))
    assert stranger["data"]["editComment"]["errors"][0]["code"] == "FORBIDDEN"
    not_mine = (await gql(DELETE, {"id": top["id"]}, token=tokens["citizen"]))["data"]["deleteComment"]
    assert not_mine["errors"][0]["code"] == "FORBIDDEN"
    unverified = await _citizen(gql, "new", "new@example.kr", "새 시민", verified=False)
    refused = await _add(gql, unverified, agenda_id, "확인 전 댓글")
    assert refused["errors"][0]["code"] == "EMAIL_NOT_VERIFIED" and "이메일 주소를 확인" in refused["errors"][0]["message"]
    anonymous = await _add(gql, None, agenda_id, "익명 댓글")
    assert anonymous["errors"][0]["code"] == "NOT_AUTHENTICATED"
    english = (await gql(ADD, {"input": {"agendaId": agenda_id, "body": " "}}, token=tokens["citizen"],
                         headers={"Accept-Language": "en"}))["data"]["addComment"]
    assert english["errors"][0]["message"] == "Enter a comment."
    bad_reason = await gql(REPORT, {"id": top["id"], "reason": "NOPE"}, token=tokens["citizen"])
    assert "errors" in bad_reason  # not an enum value: refused by the schema
    unknown = await _add(gql, tokens["citizen"], "999999", "없는 의제")
    assert unknown["errors"][0]["code"] == "NOT_FOUND"

    assert await Comment.all().count() == before + 1  # only the 2,000-character one
    assert await CommentReport.all().count() == 0
    assert await Comment.filter(body="남의 댓글 고치기").count() == 0 and (await Comment.get(id=top["id"])).body == "첫 댓글"


async def test_comments_have_an_hourly_limit(app, gql, settings):
    from server.agendas.policy import viewer_for
    from server.accounts.models import User
    from server.participation import service

    world = await build_world(gql)
    agenda_id = (await propose(gql, world.tokens["citizen"]))["agenda"]["id"]
    viewer = await viewer_for(await User.get(email="meiling@example.tw"))
    limits = service.Limits(reports_to_hide=3, comments_per_hour=2)
    for i in range(2):
        await service.add_comment(viewer, limits, agenda_id, f"댓글 {i}")
    from server.errors import DomainError
    with pytest.raises(DomainError) as refused:
        await service.add_comment(viewer, limits, agenda_id, "세 번째")
    assert refused.value.code.value == "RATE_LIMITED"
    assert await Comment.all().count() == 2


SEARCH = """query($q: String!) { search(query: $q, first: 20) { hits { agenda { id title } highlights { title body } }
  estimatedTotal degraded } }"""
MARKER = "내부메모전용표식 XQZNOTE"


async def test_internal_notes_stay_among_staff(city, gql, client, app):
    tokens, agenda_id = city
    written = (await gql(ADD_NOTE, {"input": {"agendaId": agenda_id, "body": f"{MARKER}: 예산 협의 필요 (교통과 ↔ 복지)"}},
                         token=tokens["transport"]))["data"]["addInternalNote"]
    assert not written["errors"] and written["note"]["author"]["displayName"] == "교통 담당"
    other_dept = (await gql(ADD_NOTE, {"input": {"agendaId": agenda_id, "body": "다른 부서 메모"}},
                            token=tokens["welfare"]))["data"]["addInternalNote"]
    assert other_dept["errors"][0]["code"] == "FORBIDDEN"
    citizen_note = (await gql(ADD_NOTE, {"input": {"agendaId": agenda_id, "body": "시민 메모"}},
                              token=tokens["citizen"]))["data"]["addInternalNote"]
    assert citizen_note["errors"][0]["code"] == "FORBIDDEN"
    empty = (await gql(ADD_NOTE, {"input": {"agendaId": agenda_id, "body": "  "}},
                       token=tokens["transport"]))["data"]["addInternalNote"]
    assert empty["errors"][0]["code"] == "REQUIRED"
    assert await InternalNote.all().count() == 1

    for who in ("transport2", "officer", "admin"):
        seen = (await gql(NOTES, {"id": agenda_id}, token=tokens[who]))["data"]["agenda"]
        assert seen["viewerCanReadInternalNotes"] and MARKER in seen["internalNotes"][0]["body"], who
    for who in (None, "citizen", "citizen2", "welfare"):  # the proposer, another citizen, another department
        raw = await gql(NOTES, {"id": agenda_id}, token=tokens.get(who) if who else None)
        assert raw["data"]["agenda"]["internalNotes"] == [] and not raw["data"]["agenda"]["viewerCanReadInternalNotes"]
        assert "XQZNOTE" not in json.dumps(raw, ensure_ascii=False), who

    await app.state.indexer.drain_all()
    for who in (None, "citizen"):
        found = (await gql(SEARCH, {"q": "XQZNOTE"}, token=tokens.get(who) if who else None))["data"]["search"]
        assert found["hits"] == [] and found["degraded"] is False
        assert "XQZNOTE" not in json.dumps(found, ensure_ascii=False)
        both = (await gql(SEARCH, {"q": "저상버스"}, token=tokens.get(who) if who else None))["data"]["search"]
        assert both["hits"] and "XQZNOTE" not in json.dumps(both, ensure_ascii=False)
    engine = app.state.search
    direct = await engine.client.index(engine.agendas_uid).search("XQZNOTE")
    assert direct.hits == []
    for path in ("/export/agendas.csv", "/export/agendas.json"):
        for who in (None, "citizen"):
            headers = {"Authorization": f"Bearer {tokens[who]}"} if who else {}
            r = await client.get(path, headers=headers)
            assert r.status_code == 200 and "저상버스" in r.text and "XQZNOTE" not in r.text, path


def test_the_reports_that_hide_a_comment_are_a_setting():
    from server.settings import ConfigError, Settings

    base = {"AGENDA_SECRET": "s" * 40, "AGENDA_DATA_DIR": "/tmp/civic-participation-settings"}
    assert Settings.from_env(base, ensure_secret=False).reports_to_hide == 3
    assert Settings.from_env({**base, "AGENDA_REPORTS_TO_HIDE": "5"}, ensure_secret=False).reports_to_hide == 5
    with pytest.raises(ConfigError, match="AGENDA_REPORTS_TO_HIDE"):
        Settings.from_env({**base, "AGENDA_REPORTS_TO_HIDE": "0"}, ensure_secret=False)
    with pytest.raises(ConfigError, match="AGENDA_COMMENTS_PER_HOUR"):
        Settings.from_env({**base, "AGENDA_COMMENTS_PER_HOUR": "lots"}, ensure_secret=False)
