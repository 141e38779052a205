"""年报助手 nianbao: drafts 政府信息公开工作年度报告 with a clerk, question by question."""

__version__ = "0.1.0"
