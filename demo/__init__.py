"""Seoul's demo: the city's offices and bureaus with their work plans, one account per role, about
fifty agendas and a year of workshops, plans, reviews and cases, plus the seeder that loads them
through the domain functions (``agenda seed-demo``, or the first start with ``AGENDA_DEMO=1``).

Demo data is not reference data: a deployment runs without it. So this package may import
``server``; ``server`` never imports it, and only the composition root (``civic``) calls the seeder.
The data modules hold data only; :mod:`demo.seeder` holds the steps.
"""
