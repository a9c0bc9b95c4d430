import strawberry

from schema.accounts.mutations.login import login
from schema.accounts.mutations.logout import logout
from schema.accounts.mutations.register import register
from schema.accounts.mutations.request_email_verification import request_email_verification
from schema.accounts.mutations.request_password_reset import request_password_reset
from schema.accounts.mutations.reset_password import reset_password
from schema.accounts.mutations.verify_email import verify_email
from schema.accounts.mutations.update_user import update_user
from schema.accounts.mutations.invite_staff import invite_staff


@strawberry.type
class AccountMutations:
    register = register
    login = login
    logout = logout
    verify_email = verify_email
    request_email_verification = request_email_verification
    request_password_reset = request_password_reset
    reset_password = reset_password
    update_user = update_user
    invite_staff = invite_staff
