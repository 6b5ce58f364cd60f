"""One call for everything: every program's verdict, the FSW grid, the CRS, what the profile
still lacks and the warnings, for one candidate on one date.

The derived facts are computed once and shared, so every part of the assessment explains the
same figures.

>>> import json
>>> from datetime import date
>>> from expressentry import from_dict
>>> with open("examples/software-engineer-abroad.json", encoding="utf-8") as file:
...     candidate = from_dict(json.load(file))
>>> result = assess(candidate, on=date(2026, 11, 29))
>>> result.eligible_programs
('FSW',)
>>> result.crs.total
465
>>> print(result.explain().splitlines()[0])
Express Entry assessment on 2026-11-29
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import attrs

from expressentry._frozen import frozen
from expressentry.crs import CrsResult, crs_from_facts
from expressentry.dated import RULES_VERIFIED_THROUGH, rules_warnings
from expressentry.facts import Facts, derive
from expressentry.model import Candidate
from expressentry.profile import Completeness, completeness_of, history_warnings
from expressentry.programs import assess_programs
from expressentry.programs.fsw import FswGrid, fsw_grid
from expressentry.programs.pool import PoolEntry, pool_entry
from expressentry.render import (
    completeness_dict,
    completeness_html,
    completeness_markdown,
    crs_dict,
    crs_html,
    crs_markdown,
    grid_dict,
    grid_html,
    grid_markdown,
    html_table,
    html_text,
    html_warnings,
    markdown_table,
    markdown_text,
    markdown_warnings,
    verdict_dict,
    verdict_html,
    verdict_markdown,
    verdict_text,
)
from expressentry.verdict import Verdict

__all__ = ["Assessment", "assess"]


@attrs.frozen(kw_only=True)
class Assessment:
    """Everything the engine says about a candidate on a date.

    ``programs`` holds each program's verdict by code (``"FSW"``, ``"FST"``, ``"CEC"``);
    ``pool`` whether the candidate may enter the Express Entry pool; ``fsw_grid`` the FSW
    selection grid; ``crs`` the Comprehensive Ranking System score; ``completeness`` what the
    profile still lacks; ``warnings`` plain sentences about the evaluation itself (rules that
    may have changed since they were last checked, a job with no end date running on beside a
    later one in another country).
    """

    # The repr names each part by its outcome or total: in full it ran to 40,000 characters,
    # which flooded a notebook or a failing test's message (helper-80).
    candidate: Candidate = attrs.field(repr=False)
    on: date
    programs: Mapping[str, Verdict] = attrs.field(
        converter=frozen, hash=False, repr=lambda verdicts: repr(_outcomes(verdicts))
    )
    pool: PoolEntry = attrs.field(repr=lambda pool: repr(pool.eligible_programs))
    fsw_grid: FswGrid = attrs.field(repr=lambda grid: f"<{grid.total} points>")
    crs: CrsResult = attrs.field(repr=lambda crs: f"<{crs.total} points>")
    completeness: Completeness = attrs.field(repr=lambda report: repr(report.summary))
    warnings: tuple[str, ...] = ()

    @property
    def eligible_programs(self) -> tuple[str, ...]:
        """The programs the candidate is eligible for, in the registry's order."""
        return self.pool.eligible_programs

    def explain(self) -> str:
        """The whole assessment as plain text."""
        lines = [f"Express Entry assessment on {self.on.isoformat()}"]
        lines.extend(f"Warning: {warning}" for warning in self.warnings)
        lines += ["", self.pool.sentence, ""]
        for verdict in self.programs.values():
            lines += [verdict_text(verdict, warnings=False), ""]
        lines += [self.fsw_grid.explain(), "", self.crs.explain(warnings=False), ""]
        lines.append(self.completeness.explain())
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The assessment as JSON-ready data (the format is documented in docs/assess.md)."""
        return {
            "on": self.on.isoformat(),
            "rules_verified_through": RULES_VERIFIED_THROUGH.isoformat(),
            "warnings": list(self.warnings),
            "pool": {
                "outcome": self.pool.outcome.value,
                "eligible_programs": list(self.pool.eligible_programs),
                "undetermined_programs": list(self.pool.undetermined_programs),
                "missing_facts": list(self.pool.missing_facts),
                "sentence": self.pool.sentence,
            },
            "programs": {code: verdict_dict(v) for code, v in self.programs.items()},
            "fsw_grid": grid_dict(self.fsw_grid),
            "crs": crs_dict(self.crs),
            "completeness": completeness_dict(self.completeness),
        }

    def _summary_rows(self) -> list[tuple[str, str]]:
        rows = [(code, v.outcome.value.replace("_", " ")) for code, v in self.programs.items()]
        grid = self.fsw_grid
        total = str(grid.total) if grid.known else f"{grid.total} to {grid.total_at_most}"
        rows += [("FSW grid", f"{total} of 100 (pass mark {grid.pass_mark})")]
        rows += [("CRS", str(self.crs.total))]
        return rows

    def _repr_markdown_(self) -> str:
        parts = [f"### Express Entry assessment on {self.on.isoformat()}", ""]
        parts += markdown_warnings(self.warnings)
        parts += [
            markdown_text(self.pool.sentence),
            "",
            markdown_table(("", ""), self._summary_rows()),
            "",
        ]
        for verdict in self.programs.values():
            parts += [verdict_markdown(verdict, warnings=False), ""]
        parts += [grid_markdown(self.fsw_grid), "", crs_markdown(self.crs, warnings=False), ""]
        parts.append(completeness_markdown(self.completeness))
        return "\n".join(parts)

    def _repr_html_(self) -> str:
        parts = [f"<h3>Express Entry assessment on {self.on.isoformat()}</h3>"]
        parts += [html_warnings(self.warnings), f"<p>{html_text(self.pool.sentence)}</p>"]
        parts += [html_table(("", ""), self._summary_rows())]
        parts += [verdict_html(v, warnings=False) for v in self.programs.values()]
        parts += [grid_html(self.fsw_grid), crs_html(self.crs, warnings=False)]
        parts.append(completeness_html(self.completeness))
        return "".join(parts)


def _outcomes(verdicts: Mapping[str, Verdict]) -> dict[str, str]:
    return {code: verdict.outcome.value for code, verdict in verdicts.items()}


def assess_facts(facts: Facts) -> Assessment:
    """The assessment from derived facts (see :func:`assess`)."""
    verdicts = assess_programs(facts)
    return Assessment(
        candidate=facts.candidate,
        on=facts.on,
        programs=verdicts,
        pool=pool_entry(verdicts.values()),
        fsw_grid=fsw_grid(facts),
        crs=crs_from_facts(facts),
        completeness=completeness_of(facts, verdicts=verdicts),
        warnings=rules_warnings(facts.on) + history_warnings(facts.candidate, on=facts.on),
    )


def assess(candidate: Candidate, *, on: date) -> Assessment:
    """Assess ``candidate`` on ``on``: every verdict, the grid, the CRS and completeness.

    :class:`~expressentry.exceptions.NotInForce` before 2015-01-01 (policy P1); otherwise it
    never raises for a valid candidate.
    """
    return assess_facts(derive(candidate, on=on))
