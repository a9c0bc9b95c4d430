"""Seoul's demo: the city's offices and bureaus with their work plans, accounts for every role, about
fifty agendas and a year of workshops, plans, reviews and cases, plus the seeder that loads them
through the domain functions (``agenda seed-demo``, or the first start with ``AGENDA_DEMO=1``).

Demo data is not reference data: a deployment runs without it. So this package may import
``server``; ``server`` never imports it, and only the composition root (``civic``) calls the seeder.
The data modules (``departments``, ``accounts``, ``agendas``, ``execution``) hold data only; the
steps are in :mod:`demo.seeder`, :mod:`demo.city` and :mod:`demo.year`.
"""
