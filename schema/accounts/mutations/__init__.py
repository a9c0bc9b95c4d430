import strawberry

from schema.accounts.mutations.login import login
from schema.accounts.mutations.logout import logout
from schema.accounts.mutations.register import register


@strawberry.type
class AccountMutations:
    register = register
    login = login
    logout = logout
