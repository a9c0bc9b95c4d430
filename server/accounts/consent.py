"""The personal-data consent (개인정보 수집·이용 동의) shown at registration. Its version is stored with
each account's consent, so that a changed text can be asked for again from those who agreed to an
older one. Change the version whenever the text shown at registration changes."""

PRIVACY_CONSENT_VERSION = "2026-11"
