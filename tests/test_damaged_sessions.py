"""Damaged and hostile session files (issue 13, items 2 and 10): each is one clear Chinese error
naming the file, the backup is offered and never replaced, and one bad file never hides the good
ones in `sessions` or on the TUI's start screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import nianbao.cli  # noqa: F401  (registers the commands)
from nianbao import store
from nianbao.cli.common import app
from nianbao.tui.app import NianbaoApp
from tui_helpers import wait_until

runner = CliRunner()


def _lilin_raw(lilin_path: Path) -> dict:
    return json.loads(lilin_path.read_text(encoding="utf-8"))


def hostile_files(lilin_path: Path) -> dict[str, str]:
    """name -> file content, each one a session that must not open (or must open sanely)."""
    good = lilin_path.read_text(encoding="utf-8")
    deep = _lilin_raw(lilin_path)
    deep["interview"]["answers"]["agency.name"] = json.loads("[" * 900 + "]" * 900)
    listed = _lilin_raw(lilin_path)
    listed["interview"]["answers"]["agency.name"] = ["梨林镇"]
    return {
        "empty": "{}",
        "version_only": '{"schema_version": 1}',
        "huge_year": good.replace('"year": 2021', '"year": ' + "9" * 4301, 1),
        "deep_answer": json.dumps(deep, ensure_ascii=False),
        "list_answer": json.dumps(listed, ensure_ascii=False),
    }


@pytest.mark.parametrize("kind", ["empty", "version_only", "huge_year", "deep_answer", "list_answer"])
def test_a_hostile_session_is_a_clear_error_offering_the_backup(kind, tmp_path, lilin_path):
    path = tmp_path / "s.json"
    store.backup_path(path).write_bytes(lilin_path.read_bytes())
    path.write_text(hostile_files(lilin_path)[kind], encoding="utf-8")
    with pytest.raises(store.SessionError) as info:
        store.load(path)
    message = str(info.value)
    assert message.startswith(f"会话文件 {path}") and "备份" in message
    assert len(message) < 400


def test_an_empty_object_does_not_open_and_the_backup_survives_resume(data_dir, lilin_path):
    folder = store.sessions_dir(data_dir)
    folder.mkdir(parents=True)
    path = folder / "s.json"
    backup = store.backup_path(path)
    backup.write_bytes(lilin_path.read_bytes())
    path.write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["resume", "s", "--plain"], input="梨林镇人民政府\n")
    assert result.exit_code == 2
    assert "已损坏" in result.output and str(backup) in result.output
    assert backup.read_bytes() == lilin_path.read_bytes()
    assert path.read_text(encoding="utf-8") == "{}"
    listing = runner.invoke(app, ["sessions"])
    assert "0/31" not in listing.output and "已损坏" in listing.output


def test_a_saved_state_never_replaces_the_backup_unless_the_file_was_a_valid_session(tmp_path, lilin):
    path = tmp_path / "s.json"
    backup = store.backup_path(path)
    store.save(lilin, path)
    store.save(lilin, path)
    good_backup = backup.read_bytes()
    path.write_text("{}", encoding="utf-8")
    store.save(lilin, path)  # e.g. the clerk restarted the report under this name
    assert backup.read_bytes() == good_backup


def test_a_number_answer_in_a_hand_edited_file_is_the_text_typed(tmp_path, lilin_path):
    raw = _lilin_raw(lilin_path)
    raw["interview"]["answers"]["active.total"] = 850
    path = tmp_path / "s.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert store.load(path).interview.answers["active.total"] == "850"


def _folder_with_good_and_bad(data_dir: Path, lilin_path: Path) -> Path:
    folder = store.sessions_dir(data_dir)
    folder.mkdir(parents=True)
    (folder / "good.json").write_bytes(lilin_path.read_bytes())
    for name, content in hostile_files(lilin_path).items():
        (folder / f"{name}.json").write_text(content, encoding="utf-8")
    return folder


def test_sessions_lists_the_good_one_beside_every_bad_one(data_dir, lilin_path):
    _folder_with_good_and_bad(data_dir, lilin_path)
    result = runner.invoke(app, ["sessions"])
    assert result.exit_code == 0, result.output
    assert "梨林镇人民政府" in result.output
    for name in hostile_files(lilin_path):
        assert name in result.output


async def test_the_start_screen_reads_every_session_despite_bad_ones(data_dir, lilin_path):
    _folder_with_good_and_bad(data_dir, lilin_path)
    tui = NianbaoApp(data_dir=str(data_dir))
    async with tui.run_test(size=(120, 40)) as pilot:
        listing = tui.screen.query_one("#session-list")

        def all_read() -> bool:
            prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
            return all("正在读取" not in p for p in prompts) and any("梨林镇人民政府" in p for p in prompts)

        await wait_until(pilot, all_read, what="every session described")
