"""Stories: articles of one developing story grouped together, and briefs of them.

- :func:`~storyline.story.link.link_stories`: articles → :class:`~storyline.story.link.Story` groups
  (near-duplicate copies detected, articles linked by shared entities and dates)
- :func:`~storyline.story.brief.story_brief`: one story → a short text brief
"""

from __future__ import annotations

from .brief import story_brief
from .link import Story, link_stories

__all__ = ["Story", "link_stories", "story_brief"]
