"""The self-contained HTML fidelity report a supervisor sends a trainee, and its reusable session timeline."""

from oars.report.html import ReportSection, render_report, timeline_svg, write_report

__all__ = ["ReportSection", "render_report", "timeline_svg", "write_report"]
