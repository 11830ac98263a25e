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
MESSAGE_SPARE = 4  # a message strip's room beyond its words and padding

# Controls.
TARGET = 88  # the smallest side of anything to tap or click
BUTTON_ROW = 100  # a row of big buttons inside a step
CHIP_ROW = 88  # a row of choices (names, "by when")
CHOICE_ROW = 92  # the tallest a row of choices grows when there is room
TEXT_ROW = 96  # a one-line text box
LABEL_ROW = 50  # a line of words above a group of controls
SMALL_LABEL_ROW = 46  # the same in small type
QUESTION_ROW = 80  # the question a step asks, in heading type
PROMPT_ROW = QUESTION_ROW + 40  # a talk prompt or debrief question ("2 of 4: ..."), which says more
RATE_QUESTION_ROW = QUESTION_ROW + 30  # the question above the scale when everyone rates at once
REVEAL_HELP_ROW = QUESTION_ROW - 10  # the line above everyone's views at the reveal
STRIP_BUTTON = 330  # the widest a button in the workshop row grows (timer, who they play as, notes)
STRIP_STEP = 10  # how much at a time a place in that row widens until its words fit
ROW_MESSAGE_LEAST = 560  # the room that row keeps at its left for a message, at least
TOP_BUTTON_MIN = 250  # a button beside the title (Stop for now, Settings), before its words widen it
TOP_BUTTON_MAX = 420
TOP_BUTTON_PAD = 36  # a button beside the title: its room round its icon and words, both sides together
SIDE_PANEL = 500  # the column beside the board, and the list of sections in the summary
HELP_ROW = 60  # a line of help above a step's choices
INTRO_ROW = 56  # a line of help at the top of a set-up page
BADGE_ROW = 110  # whose turn it is, beside the board; a theme button there
ROLL_BUTTON = 120  # the big Roll button
DIE = 170  # the die
LIST_ROW = 104  # a row of the summary list
ROW_BUTTON = 200  # Change or Remove at the end of a list row
SAID_BEFORE = 150  # what was agreed before, at the top of a look back

# Screens with a layout of their own.
START_INTRO = 90  # the welcome words at the top of the start screen
CARRY_ON_ROW = 150  # the start screen's button to carry on the game left unfinished
EXPORT_DONE_HEAD = 120  # "Saved in <folder>" above the list of files just exported
EXPORT_FOLDER_ROW = 100  # the folder to export into (a text box)
EXPORT_PLACES_ROW = 96  # the places to pick that folder from (Documents, a memory stick)
CHOOSE_BUTTON = 300  # a button at the end of a saved game's or plan's row (Delete; Export again)
CHOOSE_DELETE = 240  # Delete, when Export again stands beside it in a plan's row
SETTING_ROWS_GAP = 8  # between the rows of the settings screen
SETUP_MESSAGE = 120  # the set-up pages' kept message strip: three lines of words

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
BOX_RADIUS = 12  # corner of a box that is not a button or a card: a panel, a text box, a tile, a picture
THIN_EDGE = 2  # a quieter outline: a panel the colour of the screen, a player still to choose
UNDERLINE = 2  # a line under words: a button that is "not now", words still being typed with an IME
LABEL_PAD = 8  # inside a panel's edge, round its words
DISABLED_LINE_RISE = 10  # the "not now" line: how far above the bottom of the button

# Text boxes.
TEXT_BOX_PAD_X = 18  # inside a text box, left and right
TEXT_BOX_PAD_Y = 12  # inside a text box, top and bottom
TEXT_BOX_FOCUSED_EDGE = 6  # a text box's outline, in the focus colour, while typing goes into it
TEXT_SPILL = 6  # how far the caret and selection may reach past the words (half each side)
SELECTED_LINE_END = 8  # a selected line break: drawn this wide after its line's words
CARET = 3  # the caret's width
CARET_INSET = 4  # the caret: how much shorter than the line, top and bottom
CARET_BOX = 4  # the width of the caret's box told to the system (where an IME puts its candidates)

# Cards.
CARD_PAD = 16  # inside a card, round its picture and words (below the band)
CARD_BELOW_BAND = 10  # between the band and the picture and words
CARD_BAND_SIDE = 14  # inside the band, left and right
CARD_BAND_ICON_INSET = 8  # round the theme's icon in the band, top and bottom
CARD_BAND_TITLE_GAP = 10  # between the band's icon and the theme's title
CARD_BAND_TITLE_INSET = 4  # round the theme's title in the band, top and bottom
CARD_EDGE_SELECTED = 8  # the outline of a chosen card (bolder than a chosen button's)
CARD_WORDS_INSET = 8  # the statement: inside the card's room for words, left and right
CARD_PICTURE_GAP = 12  # between the picture and the words beside it
CARD_PICTURE_GAP_BELOW = 8  # between the picture and the words under it
CARD_PICTURE_MIN = 56  # a card's picture, at least: a smaller one is not worth the words' room

# Pictures: a card's picture (or its theme's icon standing in) on a light tile.
PICTURE_PAD = 12  # round the picture on its tile (half each side)
PICTURE_ICON_INSET = 12  # round a theme icon standing in for a missing picture (half each side)
ROW_PICTURE_PAD = 8  # round a picture beside words in a row (the summary), half each side
ROW_PICTURE_RADIUS = 10  # corner of that picture's tile

# Players' tokens beside their words: whose turn it is, who has chosen.
TOKEN_PAD = 8  # round the token, inside its box
BADGE_WORDS_X = 12  # whose turn: the name, from the token and from the right edge
BADGE_WORDS_Y = 6  # whose turn: the name, from the top and bottom
MARK_WORDS_GAP = 10  # who has chosen: between the token and the words
MARK_WORDS_Y = 4  # who has chosen: the words, from the top and bottom

# The board: a ring of tiles round the plan wheel.
BOARD_RADIUS = 18  # corner of the board
BOARD_PAD = 12  # between the board's edge and the ring of tiles (half each side)
BOARD_CENTRE_PAD = 24  # round the wheel on a board without a ring (half each side)
TILE_GAP = 8  # between tiles in the ring
TILE_PAD = 6  # inside a tile, above its words and round its strip of icon and tokens
TILE_WORDS_INSET = 4  # a tile's words, from its left and right edges
TILE_ICON = 44  # the largest theme icon in a tile's strip
TILE_ICON_GAP = 4  # between a tile's icon and the tokens standing beside it
THEME_FRAME = 9  # high contrast: the theme colour as a frame round a black tile
LANDED_RING = 10  # the focus colour round the tile the token landed on
LANDED_BAND = 5  # the band of board colour outside that ring, so it shows on any tile colour
LANDED_BAND_OUT = 6  # how far that band's rect reaches past the tile (half each side)
LANDED_BAND_RADIUS = 14  # corner of that band
TURN_RING = 4  # round the token of the player whose turn it is
WHEEL_HEAD = 52  # the wheel's heading, at most
WHEEL_CLEARANCE = 4  # between the wheel and the edge of its room
WHEEL_LEAST = 60  # the wheel's least half-width while the names beside it widen
WHEEL_NAME_PAD = 16  # a column of names beside the wheel: wider than their longest word by this
WHEEL_NAMES_MIN = 150  # that column's width, at least
WHEEL_NAMES_MAX = 300  # that column's width at most, unless the names need more
WHEEL_NAMES_STEP = 20  # how much at a time that column widens for names that do not fit
WHEEL_NAMES_SPARE = 16  # the height the names beside the wheel leave unshared
WHEEL_NAME_GAP = 12  # between the wheel and the names beside it
WHEEL_NAMES_GAP = 8  # between the names stacked beside the wheel
LEGEND_ICON = 40  # a theme's icon in the names under the wheel (when there is no room beside it)
LEGEND_ICON_GAP = 8  # between that icon and its name
LEGEND_SPARE = 8  # a name under the wheel: its row's room beyond two lines
