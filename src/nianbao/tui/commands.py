"""Ctrl+P command palette: jump to a section, preview, table grid, review/export, print."""

from __future__ import annotations

from functools import partial

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

NO_MATCHES = "没有找到相符的命令"


class Palette(CommandPalette):
    """Textual's command palette, saying "no matches" in Chinese."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # As Textual 8.2.8 (pinned) does it, with the message in Chinese.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(NO_MATCHES, style="not bold")), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:  # nothing typed: nothing to report
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class ChatCommands(Provider):
    def _commands(self):
        from nianbao.tui.chat import ChatScreen

        screen = self.screen
        if not isinstance(screen, ChatScreen) or screen.engine is None:
            return []  # not a report, or its engine is still loading
        commands = [
            (f"跳到：{section.title}", partial(screen.jump_to, section.id), "转到这一部分的第一个未答问题")
            for section in screen.engine.interview.sections
        ]
        commands += [
            ("预览草稿和问题", screen.action_toggle_preview, "右侧预览：每按一次 F2 依次显示草稿、问题，再关闭"),
            ("表格：表三、表四", screen.action_grid, "以表格方式查看和修改表三、表四，违反勾稽关系的格子标红"),
            ("检查与导出", screen.action_review, "查看全部回答、检查结果，导出 txt/md/html/docx/pdf"),
            ("导出报告", screen.action_export, "选择格式和文件，导出报告（有错误级问题时先确认）"),
            ("打印全文并退出", screen.action_print, "退出界面并在终端打印报告全文"),
            ("返回上一题", screen.action_back, "修改上一个回答"),
            ("保存", screen.action_save, "立即保存（每个回答确认后已自动保存）"),
        ]
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
