"""Shared test configuration: hypothesis profiles and paths."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# 100 examples (hypothesis's own default): at 200, CI took 13 min 56 s of its 15 on the slowest
# machine seen (2026-12-02), 12 min of it the tests.
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# For a hunt now and then (HYPOTHESIS_PROFILE=deep): too slow for every run of CI.
settings.register_profile(
    "deep", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
