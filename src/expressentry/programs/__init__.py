"""The Express Entry programs, each behind the :class:`Program` protocol.

The registry is filled as the program modules land (``fsw``, ``fst``, ``cec``).
"""

from expressentry.programs._protocol import Program

__all__ = ["Program"]
