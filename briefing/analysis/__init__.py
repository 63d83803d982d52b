"""The analysis: spaCy ``Doc`` in, frozen dataclasses out. Nothing here knows a terminal.

* ``actors``  - people and organisations, their names, roles and mentions (``ActorIndex``);
* ``quotes``  - quoted speech, its cue and its speaker (resolved through the ``ActorIndex``);
* ``figures`` - numbers, their value, unit and what they count;
* ``pipeline`` - runs the three over one or many articles.
"""
