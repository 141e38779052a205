"""How many answers a report takes: accepted replies (confirmations included), counted by driving
the engine with a realistic answers file. Targets (issue 11): the reference township report in at
most 31, a county bureau with requests, 复议 and 诉讼 in at most 40. Exits 1 when a target is missed."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from nianbao.interview.engine import Engine
from nianbao.session import Session

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TARGETS = {"lilin-2021-answers.yaml": 31, "county-bureau-2023-answers.yaml": 40}


def accepted_replies(path: Path) -> int:
    answers = {str(k): str(v) for k, v in yaml.safe_load(path.read_text(encoding="utf-8")).items()}
    engine = Engine(Session())
    accepted = 0
    while (step := engine.current()) is not None:
        reply = engine.answer(answers[step.id])
        if not reply.accepted or reply.problem:
            raise SystemExit(f"{path.name}: {step.id} refused: {reply.message}")
        accepted += 1
    return accepted


def main() -> int:
    missed = 0
    for name, target in TARGETS.items():
        count = accepted_replies(EXAMPLES / name)
        verdict = "OK" if count <= target else "MISSED"
        missed += count > target
        print(f"{name}: {count} accepted replies (target ≤ {target}) {verdict}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
