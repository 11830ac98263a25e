"""Named sizes, in pixels of a 1080p window, for every screen to lay itself out with.

``Metrics.px`` scales them to the real window, so a screen says ``m.px(S.BUTTON_ROW)`` and never a bare
number: one place to read what a "row of buttons" is, and one place to change it. Text sizes are not
here (they grow with the text-size setting): see ``Metrics.body``, ``heading`` and ``card``."""

from __future__ import annotations

# The frame every screen shares.
MARGIN = 24  # round the edge of the window
GAP = 16  # between neighbours
TOP_BAR = 96  # the title row
BOTTOM_BAR = 104  # Back, Pass, Read aloud ... along the bottom
MESSAGE = 72  # the strip kept for a message ("Passed", "Note added", a refusal), shown or not

# Controls.
TARGET = 88  # the smallest side of anything to tap or click
BUTTON_ROW = 100  # a row of big buttons inside a step
CHIP_ROW = 88  # a row of choices (names, "by when")
CHOICE_ROW = 92  # the tallest a row of choices grows when there is room
TEXT_ROW = 96  # a one-line text box
LABEL_ROW = 50  # a line of words above a group of controls
SMALL_LABEL_ROW = 46  # the same in small type
QUESTION_ROW = 80  # the question a step asks, in heading type
STRIP = 96  # the workshop strip: who this player is playing as, and the trainer's notes
TIMER_ROW = 92  # the workshop turn timer
STRIP_BUTTON = 330  # a button in the workshop strip or the timer row
TOP_BUTTON_MIN = 250  # a button beside the title (Stop for now, Settings), before its words widen it
TOP_BUTTON_MAX = 420
SIDE_PANEL = 500  # the column beside the board, and the list of sections in the summary
HELP_ROW = 60  # a line of help above a step's choices
INTRO_ROW = 56  # a line of help at the top of a set-up page
BADGE_ROW = 110  # whose turn it is, beside the board; a theme button there
ROLL_BUTTON = 120  # the big Roll button
DIE = 170  # the die
LIST_ROW = 104  # a row of the summary list
ROW_BUTTON = 200  # Change or Remove at the end of a list row
SAID_BEFORE = 150  # what was agreed before, at the top of a look back

# Drawing.
RADIUS = 14  # corner of a button
CARD_RADIUS = 22  # corner of a card
EDGE = 3  # an outline
EDGE_SELECTED = 5  # the outline of a chosen thing
ICON = 64  # the largest icon inside a button
CARD_BAND = 84  # the coloured band across the top of a card
ICON_GAP = 12  # between an icon and its words
PAD_X = 14  # inside a button, left and right
PAD_Y = 8  # inside a button, top and bottom
FOCUS_RING = 10  # the keyboard focus ring: its width
FOCUS_OFFSET = 8  # how far outside the focused control the ring sits
