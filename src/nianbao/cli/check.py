"""The check command: findings for sessions (and, later, published reports)."""

from __future__ import annotations

import json
import sys
from typing import List

import typer
from rich.text import Text

from nianbao.cli.common import EXIT_FINDINGS, EXIT_OK, app, finding_json, load_session, out, print_findings
from nianbao.render.env import MissingFact
from nianbao.render.outputs import to_text
from nianbao.report.findings import has_errors
from nianbao.rules import check_report


@app.command("check")
def check_cmd(
    files: List[str] = typer.Argument(..., help="会话文件或会话名"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
):
    """检查报告：表格勾稽关系、文字与表格一致、个人信息、未填占位符。退出码 0 无错误，1 有错误，2 无法读取。"""
    reports = []
    worst = EXIT_OK
    for name in files:
        sess = load_session(name)
        try:
            text = to_text(sess.report, draft=True)
        except MissingFact:
            text = None
        findings = check_report(sess.report, text=text)
        reports.append((name, sess.report, findings))
        if has_errors(findings):
            worst = EXIT_FINDINGS
    if as_json:
        payload = {
            "reports": [
                {"file": name, "year": report.year, "agency": report.agency.name,
                 "findings": [finding_json(f) for f in findings]}
                for name, report, findings in reports
            ]
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        for name, report, findings in reports:
            out.print(Text(f"{name}：{report.agency.name} {report.year} 年", style="bold"))
            print_findings(findings)
    raise typer.Exit(worst)
