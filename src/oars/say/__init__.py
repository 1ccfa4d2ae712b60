"""The *say* stage: turning a chosen move into words.

:class:`BuiltinRealiser` is the offline realiser (phrasebook templates filled with the client's own
words); any object with the :class:`Realiser` method can replace it.
"""

from oars.say.base import Draft, Realiser, Said, opener_of
from oars.say.builtin import BuiltinRealiser

__all__ = ["BuiltinRealiser", "Draft", "Realiser", "Said", "opener_of"]
