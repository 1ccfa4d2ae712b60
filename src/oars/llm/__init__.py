"""The optional language model: where it is (:class:`LLMConfig`, with the privacy switch) and how oars talks to
it (:class:`ChatClient`, the OpenAI-compatible chat-completions protocol).

Nothing here decides anything about MI or safety. The realiser that uses it (``oars.say.llm``) only asks a
model to word a move the policy chose, validates the answer, and hands it to the same guard as the built-in
wording; the simulated practice client (``oars.practice.llm``) does the same for a persona's reply.
"""

from oars.llm.client import ChatClient, Completion
from oars.llm.config import API_KEY_ENV, LLMConfig, is_loopback

__all__ = ["API_KEY_ENV", "ChatClient", "Completion", "LLMConfig", "is_loopback"]
