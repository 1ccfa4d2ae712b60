"""The order of a clinician's list and the charts, from plain results (no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from oars.measures import GAD7, PHQ9
from oars.web.charts import measure_chart, ruler_chart
from oars.web.clinical import MeasureResult, RulerResult, need

START = datetime(2026, 1, 5, 9, tzinfo=UTC)


def result(questionnaire: str, total: int, band: str, day: int) -> MeasureResult:
    return MeasureResult(questionnaire, total, band, (), None, False, START + timedelta(days=day), "s")


def test_an_open_flag_outranks_any_severity() -> None:
    flagged = need(1, {"phq9": [result("phq9", 2, "minimal", 0)]})
    severe = need(0, {"phq9": [result("phq9", 25, "severe", 0)]})
    assert sorted([severe.key, flagged.key])[0] == flagged.key
    assert flagged.reasons == ("1 open crisis flag",)


def test_worse_severity_then_a_meaningful_worsening_come_next() -> None:
    moderate = need(0, {"gad7": [result("gad7", 11, "moderate", 0)]})
    worsening = need(0, {"phq9": [result("phq9", 2, "minimal", 0), result("phq9", 9, "mild", 7)]})
    steady = need(0, {"phq9": [result("phq9", 8, "mild", 0), result("phq9", 9, "mild", 7)]})
    assert sorted([steady.key, worsening.key, moderate.key]) == [moderate.key, worsening.key, steady.key]
    assert worsening.reasons == ("PHQ-9 worse by 7 points",)
    assert moderate.reasons == ("GAD-7 moderate (11)",)


def test_the_measure_chart_shades_every_band_and_plots_every_result() -> None:
    svg = measure_chart(PHQ9, [result("phq9", 12, "moderate", 0), result("phq9", 6, "mild", 14)], chart_id="c")
    assert svg.count("<rect") == len(PHQ9.bands)
    assert svg.count("<circle") == 2
    assert 'aria-labelledby="c-title c-desc"' in svg and "newest 6 (mild)" in svg
    assert "No results yet." in measure_chart(GAD7, [], chart_id="g")


def test_the_ruler_chart_draws_a_line_per_kind_answered() -> None:
    rulers = [RulerResult("importance", 8, START, "s"), RulerResult("confidence", 3, START, "s")]
    svg = ruler_chart(rulers, chart_id="r")
    assert svg.count("<polyline") == 2 and "importance 8; confidence 3; readiness –" in svg
