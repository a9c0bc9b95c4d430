"""Korean for every message the server sends a person. Keys are the English templates as written in
the code (``server.i18n.msg``); placeholders stay the same, and ``{label:을}`` picks the particle
that fits the word (see ``server/i18n/__init__.py``). ``tests/test_i18n.py`` fails when a message
written in the code has no entry here."""

KO: dict[str, str] = {
    # ---- words shown inside messages: field labels, statuses, areas
    "title": "제목",
    "description": "설명",
    "reason": "사유",
    "answer": "답변",
    "opinion": "의견",
    "summary": "요약",
    "outcome": "성과",
    "lessons": "시사점",
    "place": "장소",
    "name": "이름",
    "affiliation": "소속",
    "notes": "메모",
    "decision": "결정 사항",
    "owner": "담당자",
    "unit": "단위",
    "target": "목표값",
    "baseline": "기준값",
    "actual": "실적값",
    "KPI name": "성과지표 이름",
    "milestone title": "추진 일정 제목",
    "Korean name": "한국어 이름",
    "duty statement": "사무분장",
    "English name": "영어 이름",
    "Workshops": "실행워크숍",
    "Progress views": "추진 현황",
    "Reports": "성과 보고서",
    "SUBMITTED": "접수",
    "IN_TRIAGE": "검토 중",
    "NEEDS_INFO": "보완 요청",
    "ACCEPTED": "채택",
    "REJECTED": "불채택",
    "MERGED": "병합",
    "IN_PROGRESS": "추진 중",
    "COMPLETED": "완료",
    # ---- text rules
    "Enter a {label}.": "{label:을} 적어 주세요.",
    "The {label} contains control characters.": "{label}에 제어 문자가 들어 있습니다.",
    "A {label} needs at least {min} characters.": "{label:은} {min}자 이상 적어 주세요.",
    "A {label} has at most {max:,} characters.": "{label:은} {max:,}자까지 적을 수 있습니다.",
    "The {label} must be a finite number.": "{label:은} 유한한 숫자여야 합니다.",
    # ---- accounts
    "Enter an e-mail address.": "이메일 주소를 적어 주세요.",
    "An e-mail address has at most {max} characters.": "이메일 주소는 {max}자까지 적을 수 있습니다.",
    "Enter a valid e-mail address such as name@example.org.": "name@example.org 같은 올바른 이메일 주소를 적어 주세요.",
    "Enter a display name.": "표시 이름을 적어 주세요.",
    "A display name has at most {max} characters.": "표시 이름은 {max}자까지 적을 수 있습니다.",
    "A display name cannot contain control or unassigned characters.": "표시 이름에는 제어 문자나 정의되지 않은 문자를 쓸 수 없습니다.",
    "Use at least {min} characters.": "비밀번호는 {min}자 이상이어야 합니다.",
    "A password has at most {max} characters.": "비밀번호는 {max}자까지 쓸 수 있습니다.",
    "This password is too easy to guess; choose another.": "너무 쉽게 짐작할 수 있는 비밀번호입니다. 다른 비밀번호를 골라 주세요.",
    "A password must not contain your e-mail name or display name.": "비밀번호에 이메일 아이디나 표시 이름을 넣을 수 없습니다.",
    "An account with this e-mail address already exists.": "이미 이 이메일 주소로 가입한 계정이 있습니다.",
    "The e-mail address or password is wrong.": "이메일 주소 또는 비밀번호가 맞지 않습니다.",
    "This account is disabled.": "사용이 중지된 계정입니다.",
    "You must be logged in.": "로그인이 필요합니다.",
    # ---- administration: users and roles, invitations, the audit log, the review queue (issue 17)
    "Only admins manage users and roles.": "사용자와 역할은 관리자만 관리할 수 있습니다.",
    "Only admins read the audit log.": "감사 기록은 관리자만 볼 수 있습니다.",
    "Ask for between 0 and {max} users at a time.": "한 번에 0명에서 {max}명까지 요청할 수 있습니다.",
    "Ask for between 0 and {max} entries at a time.": "한 번에 0건에서 {max}건까지 요청할 수 있습니다.",
    "Search with at most {max} characters.": "검색어는 {max}자까지 입력할 수 있습니다.",
    "Choose at most {max} departments.": "부서는 {max}개까지 고를 수 있습니다.",
    "Unknown role: choose one of {roles}.": "없는 역할입니다. {roles} 중에서 고르세요.",
    "No such user.": "그런 사용자가 없습니다.",
    "Citizens do not belong to departments: choose a staff role or no department.":
        "시민은 부서에 속하지 않습니다. 직원 역할을 고르거나 부서를 비워 주세요.",
    "This is the last active admin: make another admin first.":
        "활성 관리자가 이 계정 하나뿐입니다. 먼저 다른 관리자를 지정해 주세요.",
    "You cannot change your own role: ask another admin.": "자신의 역할은 바꿀 수 없습니다. 다른 관리자에게 요청하세요.",
    "You cannot deactivate your own account: ask another admin.":
        "자신의 계정은 비활성화할 수 없습니다. 다른 관리자에게 요청하세요.",
    "Invite people to a staff role; citizens register themselves.":
        "직원 역할로만 초대할 수 있습니다. 시민은 직접 가입합니다.",
    "This person already has a staff account: change their role in the list.":
        "이미 직원 계정이 있습니다. 사용자 목록에서 역할을 바꿔 주세요.",
    "This account is deactivated: reactivate it in the list first.":
        "비활성화된 계정입니다. 먼저 사용자 목록에서 다시 활성화해 주세요.",
    "citizen": "시민",
    "department staff": "부서 담당자",
    "Social Innovation Officer": "사회혁신담당관",
    "workshop facilitator": "워크숍 진행자",
    "research team expert": "사회혁신연구단 전문가",
    "administrator": "관리자",
    "You are invited to civic-agenda": "civic-agenda에 초대되었습니다",
    "An administrator of civic-agenda invited you to work on it as {role}. Choose your password to sign in; "
    "the link works once, for 7 days.":
        "civic-agenda 관리자가 {role:으로} 함께 일하도록 초대했습니다. 비밀번호를 정하고 로그인하세요. "
        "링크는 7일 동안 한 번만 쓸 수 있습니다.",
    "Choose my password": "비밀번호 정하기",
    "At most {max} invitations an hour: try again later.": "초대는 한 시간에 {max}건까지 보낼 수 있습니다. 잠시 뒤에 다시 시도해 주세요.",
    "If you did not expect this invitation, ignore this e-mail.": "초대받을 일이 없었다면 이 메일을 무시하세요.",
    # ---- agendas: proposing, reading
    "Log in to propose an agenda.": "의제를 제안하려면 로그인해 주세요.",
    "Log in to answer.": "답변하려면 로그인해 주세요.",
    "Log in to see your own agendas.": "내 의제를 보려면 로그인해 주세요.",
    "Visibility is PUBLIC or INTERNAL.": "공개 범위는 PUBLIC(공개) 또는 INTERNAL(내부)입니다.",
    "Citizens propose through the citizen-proposal channel; other channels are for city staff.":
        "시민은 시민제안 경로로 제안합니다. 다른 발굴 경로는 시 직원용입니다.",
    "Only city staff can make an agenda internal.": "의제를 내부용으로 만들 수 있는 사람은 시 직원뿐입니다.",
    "An idempotency key has at most {max} characters.": "중복 방지 키는 {max}자까지 쓸 수 있습니다.",
    "Unknown department code(s): {codes}.": "없는 부서 코드입니다: {codes}.",
    "No such work-plan item.": "그런 업무계획 과제가 없습니다.",
    "You can propose up to {count} agendas an hour; please try again later.":
        "한 시간에 {count}건까지 제안할 수 있습니다. 잠시 뒤에 다시 시도해 주세요.",
    "Choose one of the five policy fields.": "다섯 정책 분야 가운데 하나를 골라 주세요.",
    "Unknown discovery channel.": "알 수 없는 발굴 경로입니다.",
    "Choose one of Seoul's 25 districts, or none.": "서울시 25개 자치구 가운데 하나를 고르거나 비워 두세요.",
    "Name at most {max} related departments.": "관련 부서는 {max}곳까지 지정할 수 있습니다.",
    "No such agenda.": "그런 의제가 없습니다.",
    "The cursor is not valid for this ordering; start from the first page.": "이 정렬에 맞지 않는 페이지 위치입니다. 첫 페이지부터 다시 보세요.",
    "Ask for between 0 and {max} agendas at a time.": "한 번에 0건에서 {max}건까지 요청할 수 있습니다.",
    "No such department.": "그런 부서가 없습니다.",
    "This queue belongs to another department.": "다른 부서의 검토 목록입니다.",
    # ---- agendas: triage and decisions
    "Someone else changed this agenda meanwhile (it is now at version {version}); reload it to see what changed, then decide again.":
        "그사이 다른 담당자가 이 의제를 바꾸었습니다(현재 버전 {version}). 새로 불러와 바뀐 내용을 확인한 뒤 다시 결정해 주세요.",
    "An agenda that is {status} cannot become {target}.": "{status} 상태인 의제는 {target} 상태로 바꿀 수 없습니다.",
    "Only the agenda's owner (its department or the Social Innovation Officer) or an admin can do this.":
        "의제를 맡은 부서나 사회혁신담당관, 관리자만 할 수 있습니다.",
    "Write a reason; the proposer will see it.": "사유를 적어 주세요. 제안자에게 보입니다.",
    "Choose the agenda to merge into.": "병합할 대상 의제를 골라 주세요.",
    "The agenda to merge into does not exist.": "병합할 대상 의제가 없습니다.",
    "An agenda cannot be merged into itself.": "의제를 자기 자신에게 병합할 수는 없습니다.",
    "The target agenda is {status}; merge into one that is still alive.": "대상 의제가 {status} 상태입니다. 아직 진행 중인 의제에 병합해 주세요.",
    "Unknown status.": "알 수 없는 상태입니다.",
    "advanceAgenda moves an agenda to IN_PROGRESS or COMPLETED; use triageAgenda for triage decisions.":
        "advanceAgenda는 의제를 추진 중(IN_PROGRESS) 또는 완료(COMPLETED)로만 옮깁니다. 검토 결정에는 triageAgenda를 쓰세요.",
    "Only the agenda's owner, the Social Innovation Officer or an admin can reroute it.":
        "의제를 맡은 부서, 사회혁신담당관, 관리자만 담당을 바꿀 수 있습니다.",
    "An agenda that is {status} can no longer be rerouted.": "{status} 상태인 의제는 더 이상 담당을 바꿀 수 없습니다.",
    "Write why the agenda is rerouted.": "담당을 바꾸는 이유를 적어 주세요.",
    "Owner kind is DEPARTMENT or INNOVATION_OFFICER.": "담당 유형은 DEPARTMENT(부서) 또는 INNOVATION_OFFICER(사회혁신담당관)입니다.",
    "Choose the department.": "부서를 골라 주세요.",
    "No such active department.": "운영 중인 부서 가운데 그런 부서가 없습니다.",
    "The Social Innovation Officer owns an agenda without a department.": "사회혁신담당관이 맡는 의제에는 부서를 지정하지 않습니다.",
    "The agenda already belongs there.": "이미 그곳이 맡고 있는 의제입니다.",
    "Only the proposer can answer a request for information.": "보완 요청에는 제안자만 답할 수 있습니다.",
    "This agenda is not waiting for information.": "보완 요청을 기다리는 의제가 아닙니다.",
    # ---- supports
    "You cannot support your own agenda.": "자신이 제안한 의제에는 공감할 수 없습니다.",
    "An agenda that is {status} no longer takes supports.": "{status} 상태인 의제에는 더 이상 공감할 수 없습니다.",
    # ---- departments and work plans
    "Only admins manage departments and work plans.": "부서와 업무계획은 관리자만 관리할 수 있습니다.",
    "Enter a department code.": "부서 코드를 적어 주세요.",
    "A code has at most 40 letters, digits or underscores (e.g. TRANSPORT).": "부서 코드는 영문자, 숫자, 밑줄로 40자까지 씁니다(예: TRANSPORT).",
    "A keyword has at most {max} characters.": "키워드는 {max}자까지 쓸 수 있습니다.",
    "At most {max} keywords.": "키워드는 {max}개까지 쓸 수 있습니다.",
    "Unknown policy field(s): {codes}.": "없는 정책 분야입니다: {codes}.",
    "A department with code {code} already exists.": "코드가 {code}인 부서가 이미 있습니다.",
    "Enter a year between 2000 and 2100.": "2000년에서 2100년 사이의 연도를 적어 주세요.",
    # ---- routing explanations
    "the Social Innovation Officer": "사회혁신담당관",
    " (terms: {terms})": " (용어: {terms})",
    "{text}.": "{text}.",
    "{text}; {part}": "{text}; {part}",
    "Routed to {code} because the agenda names its {year} work-plan item #{id} '{title}'{terms}.":
        "{code}에 배정했습니다. 의제가 이 부서의 {year}년 업무계획 과제(#{id} '{title}')를 지정했습니다{terms}.",
    "the named work-plan item #{id} is not a current item and was ignored": "지정한 업무계획 과제(#{id})는 올해 과제가 아니어서 반영하지 않았습니다",
    "Routed to {code} because the agenda matches its {year} work-plan item #{id} '{title}'{terms}":
        "{code}에 배정했습니다. 의제가 이 부서의 {year}년 업무계획 과제(#{id} '{title}')에 해당합니다{terms}",
    "Routed to {officer} because the agenda matches the work plans of several departments ({items}){terms}":
        "{officer}에게 배정했습니다. 의제가 여러 부서의 업무계획에 해당합니다({items}){terms}",
    "the inactive related department {code} was ignored": "운영하지 않는 관련 부서 {code:은} 반영하지 않았습니다",
    "the unknown related department {code} was ignored": "없는 관련 부서 {code:은} 반영하지 않았습니다",
    "weaker matches not counted: {codes}": "근거가 약한 부서는 세지 않았습니다: {codes}",
    "its duty statement covers {terms}": "이 부서의 사무분장이 다루는 일입니다: {terms}",
    "like {agendas}, which it accepted": "이 부서가 받아들인 {agendas:과} 비슷합니다",
    "“{term}” is not a current suggestion for this department.": "「{term}」는 지금 이 부서에 제안된 키워드가 아닙니다.",
    "the agenda's terms point to it and it was named as related": "의제의 용어가 이 부서를 가리키고 관련 부서로도 지정되었습니다",
    "it is the only department whose current work the agenda directly relates to": "의제가 현재 업무와 직접 관련된 유일한 부서입니다",
    "it was named as related and no department's keywords or work plan match the agenda":
        "관련 부서로 지정되었고, 의제와 맞는 부서 키워드나 업무계획은 없습니다",
    "Routed to {code} because {why}{terms}": "{code}에 배정했습니다. {why}{terms}",
    "Routed to {officer} because ownership is unclear: no department's keywords or work plan match the agenda and no related department was named":
        "{officer}에게 배정했습니다. 담당이 분명하지 않습니다: 의제와 맞는 부서 키워드나 업무계획이 없고 관련 부서도 지정되지 않았습니다",
    "matched {codes}": "일치한 부서 {codes}",
    "named as related {codes}": "관련 부서로 지정 {codes}",
    "Routed to {officer} because the agenda relates to several departments ({parts}){terms}":
        "{officer}에게 배정했습니다. 의제가 여러 부서와 관련됩니다({parts}){terms}",
    "Rerouted manually to {target}: {note}.": "{target:으로} 직접 재배정했습니다: {note}.",
    # ---- routing evaluation and the civic thesaurus
    "line {line}": "{line}번째 줄",
    "Not a JSON object: {error}.": "JSON 객체가 아닙니다: {error}.",
    "Each case needs a title.": "사례마다 제목이 있어야 합니다.",
    "The body and field of a case are text.": "사례의 본문과 정책 분야는 텍스트여야 합니다.",
    "Each case needs expect: a list of department codes or OFFICER.": "사례마다 expect(부서 코드 또는 OFFICER 목록)가 있어야 합니다.",
    "At most {max} cases.": "사례는 최대 {max}개입니다.",
    "The file has no cases.": "파일에 사례가 없습니다.",
    "Name the concept (e.g. wheelchair).": "개념 이름을 적어 주세요(예: wheelchair).",
    "A concept name has 2 to 60 lower-case letters, digits or hyphens (e.g. low-floor-bus).": "개념 이름은 영문 소문자, 숫자, 하이픈으로 2~60자입니다(예: low-floor-bus).",
    "A term has at most {max} characters.": "용어는 {max}자까지 쓸 수 있습니다.",
    "“{term}” is too short to mean anything: a term has at least two letters.": "「{term}」는 너무 짧아 뜻을 가리지 못합니다. 용어는 두 글자 이상이어야 합니다.",
    "Only admins change the thesaurus.": "시민 용어사전은 관리자만 바꿀 수 있습니다.",
    "Give at least one term in Korean, English or Chinese.": "한국어, 영어, 중국어 중 하나로 용어를 하나 이상 적어 주세요.",
    "At most {max} terms at once.": "용어는 한 번에 {max}개까지 추가할 수 있습니다.",
    "“{term}” already belongs to the concept {concept}.": "「{term}」는 이미 「{concept}」 개념에 속합니다.",
    "Only admins see the thesaurus.": "시민 용어사전은 관리자만 볼 수 있습니다.",
    "A search has at most {max} characters.": "검색어는 {max}자까지 쓸 수 있습니다.",
    "Ask for 0 to {max} concepts at a time.": "개념은 한 번에 0~{max}개까지 볼 수 있습니다.",
    "One of these terms was just added by someone else; reload and try again.": "이 용어 중 하나를 방금 다른 사람이 추가했습니다. 새로고침한 뒤 다시 시도해 주세요.",
    # ---- search
    "A search has at most {max} characters.": "검색어는 {max}자까지 쓸 수 있습니다.",
    "Ask for between 0 and {max} results.": "검색 결과는 한 번에 0건에서 {max}건까지 요청할 수 있습니다.",
    "Search pages go up to offset {max}; narrow the search with filters.": "검색 결과는 {max}번째까지 볼 수 있습니다. 조건을 더해 범위를 좁혀 주세요.",
    "Workshops are for city staff.": "실행워크숍은 시 직원용입니다.",
    # ---- workshops, plans, research, cases
    "Only facilitators run execution workshops.": "실행워크숍은 진행자만 운영할 수 있습니다.",
    "No such workshop.": "그런 워크숍이 없습니다.",
    "Give a year between 2000 and 2100.": "2000년에서 2100년 사이의 연도를 적어 주세요.",
    "A quarter is 1, 2, 3 or 4.": "분기는 1, 2, 3, 4 가운데 하나입니다.",
    "The date must fall in {year} Q{quarter}.": "날짜는 {year}년 {quarter}분기 안이어야 합니다.",
    "Affiliation type is OFFICIAL, EXPERT or CIVIC_GROUP.": "소속 유형은 OFFICIAL(공무원), EXPERT(전문가), CIVIC_GROUP(시민단체) 가운데 하나입니다.",
    "Unknown purpose.": "알 수 없는 안건 목적입니다.",
    "A discovery item either names a new agenda or an existing one.": "신규의제 발굴 안건은 새 의제나 기존 의제 가운데 하나만 지정합니다.",
    "Choose the agenda this item is about.": "이 안건이 다루는 의제를 골라 주세요.",
    "No such workshop item.": "그런 워크숍 안건이 없습니다.",
    "Give a due date between 2000 and 2100.": "기한은 2000년에서 2100년 사이로 적어 주세요.",
    "No such action item.": "그런 후속 조치가 없습니다.",
    "Only research-team experts review agendas.": "의제 검토는 사회혁신연구단 전문가만 할 수 있습니다.",
    "Score exactly these criteria: {criteria}.": "다음 기준에 모두, 그리고 이 기준에만 점수를 매겨 주세요: {criteria}.",
    "Each score is a whole number from 1 to 5.": "점수는 1에서 5 사이의 정수입니다.",
    "City staff publish innovation cases.": "혁신사례는 시 직원이 게시합니다.",
    "Origin is PROGRAMME, DOMESTIC or INTERNATIONAL.": "사례 출처는 PROGRAMME(사업), DOMESTIC(국내), INTERNATIONAL(국외) 가운데 하나입니다.",
    "Choose the completed agenda this case tells about.": "이 사례가 다루는 완료된 의제를 골라 주세요.",
    "Only a completed public agenda becomes a case.": "완료된 공개 의제만 사례가 될 수 있습니다.",
    "This agenda is already published as a case.": "이미 사례로 게시된 의제입니다.",
    "Domestic and international cases are not agendas of ours.": "국내외 사례는 우리 의제가 아니므로 의제를 지정하지 않습니다.",
    "Only the agenda's owner or its responsible department edits its plan.": "실행방안은 의제를 맡은 부서나 책임 부서만 고칠 수 있습니다.",
    "A plan is made once the agenda is accepted.": "실행방안은 의제가 채택된 뒤에 만듭니다.",
    "At most {max} milestones and {max} KPIs.": "추진 일정과 성과지표는 각각 {max}개까지 둘 수 있습니다.",
    "Ask for a year between 2000 and 2100 and a quarter 1–4.": "2000년에서 2100년 사이의 연도와 1–4분기를 요청해 주세요.",
    "Log in to download reports.": "보고서를 내려받으려면 로그인해 주세요.",
    "Give the year and the quarter as numbers, e.g. ?year=2026&quarter=1.": "연도와 분기를 숫자로 적어 주세요. 예: ?year=2026&quarter=1",
    "{what} are for city staff, facilitators and the research team.": "{what:은} 시 직원, 워크숍 진행자, 사회혁신연구단용입니다.",
    # ---- attachments (server/attachments/)
    "The file is empty.": "빈 파일입니다.",
    "The file is too large: at most {mb} MB is accepted.": "파일이 너무 큽니다. 최대 {mb}MB까지 받습니다.",
    "Only JPEG, PNG and WebP photos and PDF documents can be attached.":
        "JPEG, PNG, WebP 사진과 PDF 문서만 첨부할 수 있습니다.",
    "The file looks like an image but cannot be read; it may be damaged.":
        "이미지 파일로 보이지만 읽을 수 없습니다. 파일이 손상되었을 수 있습니다.",
    "The image is too large: at most {mp} megapixels.": "이미지가 너무 큽니다. {mp}메가픽셀까지 첨부할 수 있습니다.",
    "The PDF contains scripts, automatic actions or embedded files, which are not accepted. Save it again as a "
    "plain PDF (print to PDF) and attach that.":
        "이 PDF에는 스크립트, 자동 실행 동작 또는 포함된 파일이 있어 첨부할 수 없습니다. "
        "일반 PDF로 다시 저장(PDF로 인쇄)해서 첨부해 주세요.",
    "Password-protected PDFs cannot be attached: their content cannot be checked.":
        "암호가 걸린 PDF는 내용을 확인할 수 없어 첨부할 수 없습니다.",
    "The file looks like a PDF but cannot be read; it may be damaged.":
        "PDF 파일로 보이지만 읽을 수 없습니다. 파일이 손상되었을 수 있습니다.",
    "The file needs a name.": "파일 이름이 필요합니다.",
    "A file name may have at most {n} characters.": "파일 이름은 {n}자까지 쓸 수 있습니다.",
    "A file name cannot contain slashes, backslashes or control characters.":
        "파일 이름에는 슬래시(/), 역슬래시(\\), 제어 문자를 쓸 수 없습니다.",
    "You have uploaded {n} files in the last hour; try again later.":
        "최근 1시간 동안 파일을 {n}개 올렸습니다. 잠시 후 다시 시도해 주세요.",
    "Save the execution plan first, then attach files to it.": "실행방안을 먼저 저장한 뒤 파일을 첨부해 주세요.",
    "Only the agenda's owner or its responsible department adds files to its plan.":
        "의제를 맡은 부서나 담당 부서만 실행방안에 파일을 첨부할 수 있습니다.",
    "Choose at least one uploaded file.": "올린 파일을 하나 이상 골라 주세요.",
    "Files can be added to a proposal only until it is decided.": "제안에는 결정되기 전까지만 파일을 첨부할 수 있습니다.",
    "Only the proposer adds files to a proposal.": "제안자만 제안에 파일을 첨부할 수 있습니다.",
    "No such uploaded file: {id}.": "올린 파일을 찾을 수 없습니다: {id}.",
    "The file {name} is already attached.": "{name} 파일은 이미 첨부되어 있습니다.",
    "At most {n} files can be attached; {k} already are.": "파일은 {n}개까지 첨부할 수 있습니다. 이미 {k}개가 첨부되어 있습니다.",
    "At most {n} files can be attached.": "파일은 {n}개까지 첨부할 수 있습니다.",
    "No such file.": "파일을 찾을 수 없습니다.",
    "Only the proposer removes a proposal's files, until it is decided.":
        "제안의 파일은 결정되기 전까지 제안자만 삭제할 수 있습니다.",
    # ---- the filter and other values checked at the edge
    "A department code has at most {max} letters, digits or underscores (e.g. TRANSPORT).":
        "부서 코드는 영문자, 숫자, 밑줄로 {max}자까지 씁니다(예: TRANSPORT).",
    "Give a date-time between the years 1 and 9999 (UTC).": "1년에서 9999년 사이의 날짜와 시각(UTC)을 적어 주세요.",
    "Give a year between 1 and 9999.": "1년에서 9999년 사이의 연도를 적어 주세요.",
    "Give at most {max} values.": "값은 {max}개까지 줄 수 있습니다.",
    "Search does not filter by date; use the agendas list.": "검색은 날짜로 거르지 않습니다. 의제 목록을 이용해 주세요.",
    "Unknown {what}: {value}. Use one of: {allowed}.": "알 수 없는 {what}: {value}. 다음 가운데 하나를 쓰세요: {allowed}.",
    "policy field": "정책 분야",
    "status": "상태",
    "channel": "발굴 경로",
    "district": "자치구",
    "owner kind": "담당 유형",
    # ---- the HTTP edge: request bodies, credentials, cost
    "The request body is not valid UTF-8.": "요청 본문이 UTF-8이 아닙니다.",
    "The request body is not valid JSON.": "요청 본문이 올바른 JSON이 아닙니다.",
    "A request is a JSON object, or a non-empty array of objects (a batch).": "요청은 JSON 객체이거나 객체의 배열(일괄 요청)이어야 합니다.",
    "'{key}' must be {what} or null.": "'{key}' 값은 {what:이}거나 null이어야 합니다.",
    "a string": "문자열",
    "an object": "객체",
    "The request JSON is nested deeper than {max} levels.": "요청 JSON이 {max}단계보다 깊게 중첩되어 있습니다.",
    "Text may not contain NUL (U+0000) characters.": "글에 NUL 문자(U+0000)를 넣을 수 없습니다.",
    "Authorization header must be 'Bearer <token>'.": "Authorization 헤더는 'Bearer <토큰>' 형식이어야 합니다.",
    "The token is invalid, expired or revoked; log in again.": "토큰이 올바르지 않거나 만료되었거나 취소되었습니다. 다시 로그인해 주세요.",
    "Missing or wrong X-CSRF-Token header for a cookie session.": "쿠키 세션에 필요한 X-CSRF-Token 헤더가 없거나 맞지 않습니다.",
    "{what} costs {cost}, over the limit of {limit:,}, so it was not run: ask for smaller pages (first), fewer fields, or split it.":
        "{what}의 비용 {cost:이} 한도 {limit:,}을 넘어 실행하지 않았습니다. 목록 크기(first)를 줄이거나 필드를 덜 고르거나 나누어 보내 주세요.",
    "This batch": "이 일괄 요청",
    "This request": "이 요청",
    "Too many login attempts: try again in {seconds} s.": "로그인 시도가 너무 많습니다. {seconds}초 뒤에 다시 시도해 주세요.",
    "The request body is too large: at most {kib} KiB is accepted.": "요청 본문이 너무 큽니다. 최대 {kib} KiB까지 받습니다.",
    "Too many requests: this client may make {burst} requests in a burst, refilled at {rate} a minute (an export counts as {cost}). Retry after {seconds} s.":
        "요청이 너무 많습니다. 한 번에 {burst}건까지, 1분에 {rate}건씩 다시 채워집니다(내보내기는 {cost}건으로 셉니다). {seconds}초 뒤에 다시 시도해 주세요.",
    # ---- notifications: their own list and preferences
    "Ask for between 0 and {max} notifications at a time.": "알림은 한 번에 0건에서 {max}건까지 요청할 수 있습니다.",
    "E-mail is IMMEDIATE, DAILY_DIGEST or OFF.": "이메일 수신은 IMMEDIATE(바로), DAILY_DIGEST(하루 한 번 모아서), OFF(받지 않음) 가운데 하나입니다.",
    "Mark at most {max} notifications at a time.": "한 번에 알림 {max}건까지 읽음으로 표시할 수 있습니다.",
    "Name the notifications to mark read, or mark all.": "읽음으로 표시할 알림을 고르거나 모두 읽음으로 표시해 주세요.",
    "No such notification.": "그런 알림이 없습니다.",
    "The cursor is not valid; start from the first page.": "올바르지 않은 페이지 위치입니다. 첫 페이지부터 다시 보세요.",
    "The language is ko or en.": "언어는 ko(한국어) 또는 en(영어)입니다.",
    "the Social Innovation Officer": "사회혁신담당관",
    # ---- notifications: titles
    "Your agenda was sent to {owner}": "제안하신 의제가 {owner:으로} 전달되었습니다",
    "Your agenda was moved to {owner}": "제안하신 의제의 담당이 {owner:으로} 바뀌었습니다",
    "A new agenda is waiting for your decision": "새 의제가 검토를 기다립니다",
    "A question about your agenda": "제안하신 의제에 보완 요청이 왔습니다",
    "The proposer answered your question": "제안자가 보완 요청에 답했습니다",
    "Your agenda is now {status}": "제안하신 의제가 {status:으로} 바뀌었습니다",
    "An agenda you follow is now {status}": "소식 받는 의제가 {status:으로} 바뀌었습니다",
    "Progress on an agenda: {progress}%": "의제 추진 상황: {progress}%",
    "A decision is due by {due}": "{due}까지 처리 결정이 필요합니다",
    "A progress update is due": "추진 상황을 알릴 때가 되었습니다",
    "Overdue: no decision by {due}": "처리 기한 경과: {due}까지 결정하지 않았습니다",
    "{count} supports reached": "공감 {count}명 달성",
    "An official answer was published": "공식 답변이 게시되었습니다",
    # ---- notifications: bodies
    "“{title}” is with {owner}, who owes you a decision by {due}.": "「{title}」 의제를 {owner:이} 맡았습니다. 답변 기한은 {due}입니다.",
    "“{title}” is now with {owner}. Reason: {reason}": "「{title}」 의제를 이제 {owner:이} 맡습니다. 사유: {reason}",
    "“{title}” is in your queue; a decision is due by {due}.": "「{title}」 의제가 검토 목록에 들어왔습니다. 처리 기한은 {due}입니다.",
    "“{title}”: {reason} Answer it on the agenda page; the deadline waits for you.":
        "「{title}」: {reason} 의제 화면에서 답해 주세요. 답하실 때까지 처리 기한은 멈춰 있습니다.",
    "“{title}” is back in your queue with the proposer's answer; a decision is due by {due}.":
        "「{title}」 의제가 제안자의 답변과 함께 검토 목록으로 돌아왔습니다. 처리 기한은 {due}입니다.",
    "“{title}” is now {status}.": "「{title}」 의제가 {status:으로} 바뀌었습니다.",
    "“{title}” is now {status}. Reason: {reason}": "「{title}」 의제가 {status:으로} 바뀌었습니다. 사유: {reason}",
    "“{title}” was updated by its owner: {progress}% done.": "「{title}」 의제의 추진 상황이 갱신되었습니다: {progress}% 진행.",
    "“{title}” is waiting for a decision by {due}.": "「{title}」 의제의 처리 기한이 {due}입니다.",
    "“{title}” has had no progress update since {since}; tell its followers where it stands.":
        "「{title}」 의제는 {since} 이후 추진 상황이 갱신되지 않았습니다. 소식 받는 시민에게 진행 상황을 알려 주세요.",
    "“{title}” passed its answer deadline ({due}) without a decision; it was escalated to the Social Innovation Officer.":
        "「{title}」 의제가 결정 없이 답변 기한({due})을 넘겨 사회혁신담당관에게 보고되었습니다.",
    "“{title}” reached {count} supports: {action}": "「{title}」 의제가 공감 {count}명을 넘었습니다. {action}",
    "“{title}”: {reason}": "「{title}」: {reason}",
    "its owner owes a public official answer by the answer deadline.": "담당 부서는 답변 기한까지 공개 공식 답변을 해야 합니다.",
    "it goes on the next quarterly execution workshop for a plan review.": "다음 분기 실행워크숍에서 기획안 토론 안건으로 다룹니다.",
    # ---- e-mail (server/mail/compose.py)
    "Hello {name},": "{name} 님, 안녕하세요.",
    "Open the agenda": "의제 보기",
    "You receive this e-mail because e-mail notifications are on in your settings.":
        "알림 설정에서 이메일 알림을 켜 두셔서 보내 드리는 메일입니다.",
    "Change how notifications reach you": "알림 받는 방법 바꾸기",
    "Stop these e-mails with one click": "이메일 알림 한 번에 끄기",
    "Here is what happened to the agendas you follow since the last summary.":
        "지난 요약 이후 관련 의제에 생긴 소식입니다.",
    "Your daily summary: {count} updates": "오늘의 알림 요약: {count}건",
    "Your daily summary: 1 update": "오늘의 알림 요약: 1건",
    "Confirm that {email} is your address, so that you can propose and support agendas. The link works for 7 days.":
        "{email} 주소가 본인의 것인지 확인해 주세요. 확인하면 의제를 제안하고 공감할 수 있습니다. 링크는 7일 동안 유효합니다.",
    "Confirm my address": "이메일 주소 확인하기",
    "If you did not create an account, ignore this e-mail.": "계정을 만든 적이 없다면 이 메일을 무시하세요.",
    "Confirm your e-mail address": "이메일 주소를 확인해 주세요",
    "Someone asked to reset the password of your account. The link works once, for one hour.":
        "계정의 비밀번호 재설정이 요청되었습니다. 링크는 1시간 동안 한 번만 쓸 수 있습니다.",
    "Choose a new password": "새 비밀번호 정하기",
    "A new password signs you out everywhere. If you did not ask for it, ignore this e-mail: your password stays as it is.":
        "새 비밀번호를 정하면 모든 기기에서 로그아웃됩니다. 요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.",
    "Reset your password": "비밀번호 재설정",
    # ---- e-mail: unsubscribe page and the admin's outgoing mail (server/mail/http.py, mailbox.py)
    "This link is not valid": "유효하지 않은 링크입니다",
    "The unsubscribe link is incomplete or was changed. Use the link in the latest e-mail, or change your notification settings after logging in.":
        "수신 거부 링크가 잘렸거나 바뀌었습니다. 가장 최근 메일의 링크를 쓰시거나, 로그인한 뒤 알림 설정을 바꿔 주세요.",
    "You are unsubscribed": "이메일 알림을 껐습니다",
    "You get no e-mail notifications. Notifications stay in the app.":
        "이제 이메일 알림을 보내 드리지 않습니다. 알림은 앱에서 계속 보실 수 있습니다.",
    "To receive them again, change your notification settings: {url}": "다시 받으시려면 알림 설정을 바꿔 주세요: {url}",
    "Stop e-mail notifications": "이메일 알림 끄기",
    "Stop e-mail notifications?": "이메일 알림을 끌까요?",
    "{email} will get no more e-mail about agendas. Notifications stay in the app, and you can turn e-mail on again in your notification settings.":
        "{email} 주소로 의제 소식 메일을 더 보내지 않습니다. 알림은 앱에서 계속 보실 수 있고, 알림 설정에서 이메일을 다시 켤 수 있습니다.",
    "Log in as an administrator to read outgoing mail.": "보낸 메일을 보려면 관리자로 로그인하세요.",
    "Only administrators can read outgoing mail.": "보낸 메일은 관리자만 볼 수 있습니다.",
    "Ask for between 0 and {max} messages at a time.": "한 번에 0개에서 {max}개까지 요청할 수 있습니다.",
    "No such message.": "해당 메일이 없습니다.",
    # ---- verified accounts (server/accounts/)
    "Agree to the collection and use of personal data to register.": "가입하려면 개인정보 수집·이용에 동의해 주세요.",
    "This link is not valid: it expired, was already used or was mistyped. Ask for a new one.":
        "유효하지 않은 링크입니다. 기한이 지났거나, 이미 사용했거나, 잘못 입력되었습니다. 새 링크를 요청해 주세요.",
    "Log in to ask for a new verification link.": "새 확인 링크를 받으려면 로그인하세요.",
    "Your e-mail address is already verified.": "이메일 주소가 이미 확인되었습니다.",
    "A link was sent less than a minute ago; check your inbox, or ask again in a minute.":
        "1분 안에 이미 링크를 보냈습니다. 받은편지함을 확인하시거나 1분 뒤에 다시 요청해 주세요.",
    "Confirm your e-mail address first: follow the link we mailed you, or ask for a new one.":
        "먼저 이메일 주소를 확인해 주세요. 보내 드린 메일의 링크를 누르시거나 새 링크를 요청하세요.",
    # ---- support thresholds and official answers
    "An official answer is due by {due}": "{due}까지 공식 답변이 필요합니다",
    "Overdue: no official answer by {due}": "처리 기한 경과: {due}까지 공식 답변을 하지 않았습니다",
    "“{title}” reached its support threshold and owes a public official answer by {due}.":
        "「{title}」 의제가 공감 기준을 넘어 {due}까지 공개 공식 답변을 해야 합니다.",
    "“{title}” passed its answer deadline ({due}) without the official answer its supporters are owed; it was "
    "escalated to the Social Innovation Officer.":
        "「{title}」 의제가 공감한 시민에게 약속한 공식 답변 없이 답변 기한({due})을 넘겨 사회혁신담당관에게 보고되었습니다.",
    "official answer": "공식 답변",
    "Ask for one department's queue or for all departments, not both.": "한 부서의 목록이나 모든 부서의 목록 중 하나만 요청해 주세요.",
    "Only the Social Innovation Officer and admins see every department's queue.":
        "모든 부서의 목록은 사회혁신담당관과 관리자만 볼 수 있습니다.",
    "Log in to answer an agenda officially.": "공식 답변을 하려면 로그인해 주세요.",
    "Only the agenda's owner (its department or the Social Innovation Officer) or an admin can publish its "
    "official answer.": "의제를 맡은 부서(또는 사회혁신담당관)나 관리자만 공식 답변을 게시할 수 있습니다.",
    "This agenda has not reached the supports that oblige an official answer; answer it with a comment marked "
    "as an official answer instead.": "이 의제는 공식 답변이 필요한 공감 수에 이르지 않았습니다. 댓글을 공식 답변으로 표시해 답해 주세요.",
    # ---- participation: comments, reports, moderation, internal notes (server/participation)
    "comment": "댓글",
    "note": "메모",
    "Log in to take part in the discussion.": "토론에 참여하려면 로그인해 주세요.",
    "Log in to comment.": "댓글을 쓰려면 로그인해 주세요.",
    "Log in to edit your comment.": "댓글을 고치려면 로그인해 주세요.",
    "Log in to delete your comment.": "댓글을 지우려면 로그인해 주세요.",
    "Log in to mark an official answer.": "공식 답변을 표시하려면 로그인해 주세요.",
    "Log in to report a comment.": "댓글을 신고하려면 로그인해 주세요.",
    "Log in to moderate comments.": "댓글을 관리하려면 로그인해 주세요.",
    "Log in to write an internal note.": "내부 메모를 쓰려면 로그인해 주세요.",
    "A hidden or removed comment cannot be an official answer.": "숨겨지거나 삭제된 댓글은 공식 답변이 될 수 없습니다.",
    "Ask for between 0 and {max} comments at a time.": "댓글은 한 번에 0개에서 {max}개까지 요청할 수 있습니다.",
    "Choose why you report this comment.": "이 댓글을 신고하는 이유를 골라 주세요.",
    "Decide RESTORE or REMOVE.": "복원(RESTORE)이나 삭제(REMOVE) 중 하나를 골라 주세요.",
    "Internal notes are for the owning department's staff, the Social Innovation Officer and admins.":
        "내부 메모는 의제를 맡은 부서의 담당자, 사회혁신담당관, 관리자만 쓰고 볼 수 있습니다.",
    "No such comment on this agenda.": "이 의제에 그런 댓글이 없습니다.",
    "No such comment.": "그런 댓글이 없습니다.",
    "Only a comment written by city staff can be an official answer.": "시 담당자가 쓴 댓글만 공식 답변이 될 수 있습니다.",
    "Only moderators (admins and the Social Innovation Officer) can moderate comments.":
        "댓글 관리는 관리자와 사회혁신담당관만 할 수 있습니다.",
    "Only public agendas take comments.": "공개된 의제에만 댓글을 쓸 수 있습니다.",
    "Only the agenda's owner (its department's staff or the Social Innovation Officer) or an admin can mark an "
    "official answer.": "의제를 맡은 부서의 담당자(또는 사회혁신담당관)나 관리자만 공식 답변을 표시할 수 있습니다.",
    "Replies go one level deep: reply to the comment itself, not to a reply.":
        "답글에는 다시 답글을 달 수 없습니다. 원래 댓글에 답글을 달아 주세요.",
    "That comment was removed by a moderator; it takes no replies.": "관리자가 삭제한 댓글에는 답글을 달 수 없습니다.",
    "This comment was already removed by a moderator.": "관리자가 이미 삭제한 댓글입니다.",
    "This comment was deleted by its author.": "작성자가 삭제한 댓글입니다.",
    "This comment was deleted.": "삭제된 댓글입니다.",
    "This agenda was merged into another: leave the official answer on the agenda it was merged into.":
        "다른 의제에 병합된 의제입니다. 공식 답변은 병합된 의제에 남겨 주세요.",
    "This comment was removed by a moderator.": "관리자가 삭제한 댓글입니다.",
    "You can edit only your own comments.": "자신이 쓴 댓글만 고칠 수 있습니다.",
    "You can delete only your own comments.": "자신이 쓴 댓글만 지울 수 있습니다.",
    "You can write up to {count} comments an hour; please try again later.":
        "댓글은 한 시간에 {count}개까지 쓸 수 있습니다. 잠시 뒤에 다시 시도해 주세요.",
    "You cannot report your own comment; edit or delete it instead.":
        "자신의 댓글은 신고할 수 없습니다. 고치거나 지워 주세요.",
    "A new comment on an agenda": "의제에 새 댓글이 달렸습니다",
    "A reply to your comment": "내 댓글에 답글이 달렸습니다",
    "An official answer in the discussion": "토론에 공식 답변이 달렸습니다",
    "{author} commented on “{title}”.": "{author} 님이 「{title}」 의제에 댓글을 남겼습니다.",
    "{author} replied to your comment on “{title}”.": "{author} 님이 「{title}」 의제의 내 댓글에 답글을 남겼습니다.",
    "{author}'s comment on “{title}” was marked as the city's official answer.":
        "「{title}」 의제에 {author} 님이 쓴 댓글이 시의 공식 답변으로 표시되었습니다.",
}

from server.i18n.ko_admin import KO_ADMIN  # noqa: E402 - issue 17's messages, kept in their own module

KO.update(KO_ADMIN)
