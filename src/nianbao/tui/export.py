"""Export from the TUI: choose a format and a file; error-level findings need a confirmation."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from nianbao.render.env import MissingFact
from nianbao.render.export import export_report
from nianbao.render.formats import DEFAULT_FORMAT, OUTPUT_FORMATS
from nianbao.report.findings import Finding
from nianbao.report.model import Report
from nianbao.tui.closing import ClosesOnce
from nianbao.tui.confirm import ConfirmScreen


class ExportScreen(ClosesOnce, ModalScreen[None]):
    BINDINGS = [Binding("escape", "cancel", "取消")]

    def __init__(self, report: Report, findings: list[Finding], folder: Path) -> None:
        super().__init__()
        self.report = report
        self.errors = [f for f in findings if f.is_error]
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static(Text("导出报告", style="bold"), markup=False)
            with RadioSet(id="formats"):
                for name, output_format in OUTPUT_FORMATS.items():
                    label = Text(f"{name}  {output_format.title}")
                    if output_format.needs_office:
                        label.append("（需要 LibreOffice）", style="dim")
                    yield RadioButton(label, value=name == DEFAULT_FORMAT, id=f"fmt-{name}")
            yield Input(str(self._path_for(DEFAULT_FORMAT)), id="export-path")
            yield Static(id="export-status", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("导出", id="btn-do-export", variant="primary")
                yield Button("取消", id="btn-cancel-export")

    def _path_for(self, fmt: str) -> Path:
        stem = f"{self.report.agency.name or '年报'}{self.report.year}年政府信息公开工作年度报告"
        return self.folder / f"{stem}.{fmt}"

    @on(RadioSet.Changed, "#formats")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        fmt = (event.pressed.id or "").removeprefix("fmt-")
        field = self.query_one("#export-path", Input)
        field.value = str(Path(field.value).with_suffix(f".{fmt}"))

    def _format(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.id.removeprefix("fmt-") if pressed and pressed.id else DEFAULT_FORMAT

    def _target(self) -> Path:
        return Path(self.query_one("#export-path", Input).value.strip()).expanduser()

    @on(Button.Pressed, "#btn-do-export")
    def _export(self) -> None:
        if self.errors:
            rules = "、".join(dict.fromkeys(f.rule for f in self.errors))
            question = f"报告还有 {len(self.errors)} 个错误级问题（{rules}），发布前应当改正。仍然导出吗？"
            self.app.push_screen(ConfirmScreen(question, "仍然导出", "返回修改"), self._errors_confirmed)
        else:
            self._check_target()

    def _errors_confirmed(self, yes: bool | None) -> None:
        if yes:
            self._check_target()

    def _check_target(self) -> None:
        target = self._target()
        status = self.query_one("#export-status", Static)
        if not self.query_one("#export-path", Input).value.strip():
            status.update(Text("请填写导出文件的路径，例如 年报.docx。", style="red"))
        elif target.is_dir():
            status.update(Text(f"“{target}”是文件夹，请在后面写上文件名。", style="red"))
        elif target.exists():
            question = f"文件“{target}”已经存在。覆盖它吗？"
            self.app.push_screen(ConfirmScreen(question, "覆盖", "换个文件名"), self._overwrite_confirmed)
        else:
            self._write()

    def _overwrite_confirmed(self, yes: bool | None) -> None:
        if yes:
            self._write()
        else:
            self.query_one("#export-path", Input).focus()

    def _write(self) -> None:
        status = self.query_one("#export-status", Static)
        target = self._target()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            export_report(self.report, self._format(), target)
        except MissingFact as exc:
            status.update(Text(f"{exc}。", style="red"))
            return
        except Exception as exc:  # PdfError, OSError: shown, never a traceback
            status.update(Text(f"导出失败：{exc}", style="red"))
            return
        if self.app.is_web:
            # Under `nianbao serve` the file above is on the server: the clerk's browser
            # downloads a copy.
            self.app.deliver_binary(target, save_filename=target.name)
            self.notify(f"已导出：{target}。浏览器正在下载这份文件。", markup=False)
        else:
            self.notify(f"已导出：{target}", markup=False)
        self.dismiss(None)

    @on(Button.Pressed, "#btn-cancel-export")
    def action_cancel(self) -> None:
        self.dismiss(None)
