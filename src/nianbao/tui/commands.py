"""Ctrl+P command palette: jump to a section, preview, table grid, review/export, print."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


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
            ("预览草稿和问题", screen.action_toggle_preview, "打开或关闭右侧预览"),
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
