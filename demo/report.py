"""What a seeding did, for ``agenda seed-demo`` to print and the first start to log."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SeedReport:
    """What a seeding did. Counts are of rows *created* by this run."""

    skipped: bool = False
    message: str = ""
    departments: int = 0
    work_plan_items: int = 0
    users: int = 0
    agendas: int = 0
    transitions: int = 0
    supports: int = 0
    statuses: dict[str, int] = field(default_factory=dict)  # status -> demo agendas, after the run
    routing: dict[str, int] = field(default_factory=dict)  # routing reason -> demo agendas
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # the year of execution (see demo.year)
    workshops: int = 0
    workshop_items: int = 0
    action_items: int = 0
    workshop_agendas: int = 0  # of ``agendas``, those proposed at a workshop (DISCOVERY items)
    plans: int = 0
    plan_updates: int = 0      # saves of a plan, its first one included
    reviews: int = 0
    cases: int = 0

    @property
    def created_anything(self) -> bool:
        return any((self.departments, self.work_plan_items, self.users, self.agendas, self.transitions, self.supports,
                    self.workshops, self.workshop_items, self.action_items, self.workshop_agendas, self.plans,
                    self.plan_updates, self.reviews, self.cases))
