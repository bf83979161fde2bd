"""The reference tally for `cargo xtask bench`: pabutools on a pabulib file.

Usage: python pabutools_tally.py greedy|mes FILE.pb
Prints {"selected": [project ids, sorted], "seconds": parse and tally time} as JSON.
Greedy by votes is greedy utilitarian welfare with cost satisfaction (satisfaction per
cost is then the approval count); MES uses cost satisfaction with the add1 completion
(every voter's budget raised by 1 until the outcome would overspend).
"""

import json
import sys
import time

from pabutools.election import Cost_Sat, parse_pabulib
from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares


def main() -> None:
    rule, path = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    instance, profile = parse_pabulib(path)
    if rule == "greedy":
        outcome = greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat)
    elif rule == "mes":
        outcome = method_of_equal_shares(
            instance, profile, sat_class=Cost_Sat, voter_budget_increment=1
        )
    else:
        raise SystemExit(f"unknown rule {rule}")
    seconds = time.perf_counter() - started
    selected = sorted(str(p.name) for p in outcome)
    print(json.dumps({"selected": selected, "seconds": seconds}))


if __name__ == "__main__":
    main()
