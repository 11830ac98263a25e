"""``making-it-real report FOLDER --out DIR``: every service's plans in one report (HTML + spreadsheet).

``--make-sample DIR --services N --seed N`` writes a folder of realistic sample plans instead, to try
the report on or to train with. Exit codes: 0 done; 1 the folder or the output could not be used
(the message says why); 2 a bad option.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from game.cli.console import write
from game.model.textrules import parse_date
from game.words import Words


def add_parser(sub) -> None:
    r = sub.add_parser("report", help="one report on the plans of every service in a folder")
    r.add_argument("folder", nargs="?", help="the folder of plan .json files (read with all its sub-folders)")
    r.add_argument("--out", default=".", help="folder to write the report into")
    r.add_argument("--today", help="count as if today were this date (YYYY-MM-DD)")
    r.add_argument(
        "--grace-days", type=int, default=14, help="days after a review is due before it is overdue"
    )
    r.add_argument("--with-names", action="store_true", help="name who took part and copy notes and actions")
    r.add_argument("--language", help="words of the report, e.g. en or cy")
    r.add_argument("--make-sample", metavar="DIR", help="write a folder of sample plans instead")
    r.add_argument("--services", type=int, default=40, help="how many sample services (with --make-sample)")
    r.add_argument("--seed", type=int, default=1, help="the same seed makes the same samples")


def run(args) -> int:
    words = Words(args.language)
    today = dt.date.today()
    if args.today:
        today = parse_date(args.today)
        if today is None:
            write(words.get("report_bad_today", value=args.today), sys.stderr)
            return 2
    if args.make_sample:
        from game.report.sample import make_sample

        made = make_sample(args.make_sample, services=max(args.services, 1), seed=args.seed, today=today)
        write(
            words.get(
                "report_sample_made", plans=made["plans"], services=args.services, folder=args.make_sample
            )
        )
        return 0
    if not args.folder or not Path(args.folder).is_dir():
        write(words.get("report_no_folder", folder=args.folder or ""), sys.stderr)
        return 1 if args.folder else 2
    from game.report import make_report

    try:
        done = make_report(
            args.folder, args.out, today, max(args.grace_days, 0), args.with_names, args.language
        )
    except OSError as exc:
        write(words.get("plan_file_unreadable", problem=exc.strerror or str(exc)), sys.stderr)
        return 1
    t = done.tally
    write(words.get("report_read", plans=t.plans, services=len(t.services), skipped=len(t.skipped)))
    write(words.get("report_made", html=done.html, sheet=done.sheet))
    return 0
