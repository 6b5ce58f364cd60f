"""The National Occupational Classification (NOC), versions 2016 V1.3 and 2021 V1.0.

Minimal for now: the NOC issue completes it with the whole hierarchy, titles, TEER and skill
levels, the concordance and the program groups.
"""

from expressentry.noc.code import NocCode, NocVersion

__all__ = ["NocCode", "NocVersion"]
