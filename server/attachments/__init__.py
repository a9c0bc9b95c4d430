"""Attachments (첨부 파일) on proposals and execution plans: photos and PDFs, checked by what they
contain, re-encoded so no location or camera data survive, stored by content hash and served only
to those who may see their agenda."""
