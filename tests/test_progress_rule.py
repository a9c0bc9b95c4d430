"""The documented progress rule, case by case."""

from server.workshops.progress import kpi_attainment, plan_progress


def test_milestones_alone():
    assert plan_progress([True, False, False, True], []) == 50


def test_kpis_alone_clamp_and_count_missing_actuals_as_zero():
    assert kpi_attainment(0, 100, 150) == 1.0
    assert kpi_attainment(10, 20, 5) == 0.0
    assert plan_progress([], [(0, 100, 50), (0, 10, None)]) == 25


def test_milestones_and_kpis_weigh_equally():
    # milestones 2/3 = 0.667, KPI 0.25 → mean 0.4583 → 46 %
    assert plan_progress([True, True, False], [(0, 200, 50)]) == 46


def test_a_reduction_target_counts_too():
    # e.g. waiting time from 30 to 10 minutes; now 20 → half way
    assert kpi_attainment(30, 10, 20) == 0.5


def test_edge_cases():
    assert plan_progress([], []) == 0
    assert plan_progress([False], [], completed=True) == 100
    assert kpi_attainment(5, 5, 5) == 1.0 and kpi_attainment(5, 5, 4) == 0.0
    assert plan_progress([True], [(0, 3, 1)]) == 67  # (1 + 1/3) / 2 = 0.6667, rounded half up
