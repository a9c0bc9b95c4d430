"""Korean for the administration of departments and work plans and for the bulk import (issue 17);
merged into ``KO`` (kept apart so parallel work on the catalogue merges without conflicts)."""

KO_ADMIN: dict[str, str] = {
    # departments and work plans
    "{name} still owns {count} open agendas; reroute or close them before deactivating it.":
        "{name}에 아직 진행 중인 의제가 {count}건 있습니다. 다른 부서로 넘기거나 마무리한 뒤 비활성화해 주세요.",
    "This work-plan item is retired; it can no longer be changed.": "종료된 업무계획 항목은 더 이상 바꿀 수 없습니다.",
    "Copy into a different year.": "다른 연도로 복사해 주세요.",
    # the import file
    "The file is empty.": "파일이 비어 있습니다.",
    "Old Excel files (.xls) cannot be read; save the sheet as .xlsx or CSV.":
        "예전 엑셀 파일(.xls)은 읽을 수 없습니다. .xlsx나 CSV로 저장해 주세요.",
    "The file is named .xlsx but is not an Excel workbook.": "파일 이름은 .xlsx이지만 엑셀 통합 문서가 아닙니다.",
    "The file is UTF-16 text; save it as CSV in UTF-8 or CP949.":
        "UTF-16 텍스트 파일입니다. UTF-8이나 CP949 CSV로 저장해 주세요.",
    "The file is neither UTF-8 nor CP949 (EUC-KR) text; save it as CSV in UTF-8 and try again.":
        "UTF-8도 CP949(EUC-KR)도 아닌 파일입니다. UTF-8 CSV로 저장한 뒤 다시 시도해 주세요.",
    "Row {row}: the CSV cannot be read ({detail}).": "{row}행: CSV를 읽을 수 없습니다({detail}).",
    "The file has more than {max} rows; split it into smaller files.":
        "파일의 행이 {max}개를 넘습니다. 더 작은 파일로 나누어 주세요.",
    "The workbook unpacks to more than the import allows.": "통합 문서의 압축을 풀면 가져오기 한도를 넘습니다.",
    "The file is not a readable Excel workbook.": "읽을 수 있는 엑셀 통합 문서가 아닙니다.",
    "A source name has at most 40 letters, digits, dots, hyphens or underscores.":
        "출처 이름은 영문자, 숫자, 점, 하이픈, 밑줄로 40자까지 쓸 수 있습니다.",
    "Only admins import proposals.": "제안 가져오기는 관리자만 할 수 있습니다.",
    "Another import wrote some of these rows at the same time; run it again (it adds only what is missing).":
        "다른 가져오기가 같은 행을 동시에 기록했습니다. 다시 실행해 주세요(빠진 것만 더합니다).",
    "Other imports are running; try again in a minute.": "다른 가져오기가 진행 중입니다. 잠시 뒤 다시 시도해 주세요.",
    "No such import (it may have finished more than an hour ago).": "그런 가져오기가 없습니다(끝난 지 한 시간이 지났을 수 있습니다).",
    "The import failed unexpectedly; nothing was written.": "가져오기가 예기치 않게 실패했습니다. 아무것도 기록하지 않았습니다.",
    "The import stopped unexpectedly (the server was restarted); nothing was written.":
        "서버가 다시 시작되어 가져오기가 중단되었습니다. 아무것도 기록하지 않았습니다.",
    # rows and columns
    "Column {column} is not one this import reads; it is ignored.": "가져오지 않는 열이라 무시합니다: {column}",
    "Column {column} appears twice.": "같은 열이 두 번 있습니다: {column}",
    "The required column {column} is missing.": "필수 열이 없습니다: {column}",
    "A formula in this cell is kept as the text written, not calculated.": "이 칸의 수식은 계산하지 않고 적힌 글자 그대로 둡니다.",
    "A cell in this row is longer than any column allows.": "이 행의 칸 하나가 어떤 열이 허용하는 길이보다 깁니다.",
    "Enter the proposal's id in the earlier system.": "이전 시스템의 제안 번호를 입력해 주세요.",
    "An external id has at most {max} characters on one line.": "외부 ID는 한 줄에 {max}자까지입니다.",
    "Id {id} is already used in row {row}.": "{row}행에서 이미 쓴 ID입니다: {id}",
    "{value} is not one of the five policy fields.": "{value:은} 다섯 정책 분야 중 하나가 아닙니다.",
    "{value} is not a discovery channel.": "{value:은} 발굴 경로가 아닙니다.",
    "{value} is not one of Seoul's 25 districts.": "{value:은} 서울시 25개 자치구 중 하나가 아닙니다.",
    "Enter the date the proposal was made.": "제안한 날짜를 입력해 주세요.",
    "{value} is not a date (write 2019-03-04 or 2019-03-04 10:20).":
        "{value:은} 날짜가 아닙니다(2019-03-04나 2019-03-04 10:20처럼 써 주세요).",
    "{value} is before 2000 or in the future.": "{value:은} 2000년 이전이거나 미래입니다.",
    "{value} is not a number of supports (0 to {max}).": "{value:은} 공감 수(0~{max})가 아닙니다.",
    "{value} is not the code of an active department.": "{value:은} 활성 부서의 코드가 아닙니다.",
    "{value} is not a status an imported proposal can have.": "{value:은} 가져온 제안이 가질 수 있는 상태가 아닙니다.",
    "The imported file names {code} as the owner.": "가져온 파일이 담당 부서를 지정했습니다: {code}",
}
