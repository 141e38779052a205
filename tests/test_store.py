"""Session files: round trip, atomic write, backup, damaged files, migration, where they live."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nianbao import store
from nianbao.session import SCHEMA_VERSION, Session
from nianbao.store import SessionError


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def saved(tmp_path: Path, lilin: Session) -> Path:
    """lilin saved once to tmp/sessions/lilin.json (no backup yet)."""
    path = tmp_path / "sessions" / "lilin.json"
    store.save(lilin, path)
    return path


# --- round trip ---------------------------------------------------------------------------


def test_round_trip_keeps_the_report(saved: Path, lilin: Session) -> None:
    loaded = store.load(saved)
    assert loaded.report == lilin.report
    assert loaded.report.title == "梨林镇人民政府2021年政府信息公开工作年度报告"
    assert loaded.report.overview.items_total == 850
    assert [c.count for c in loaded.report.overview.by_channel] == [510, 340]
    assert loaded.interview == lilin.interview
    assert loaded.created == lilin.created


def test_saved_file_is_versioned_utf8_json(saved: Path) -> None:
    raw = json.loads(saved.read_text(encoding="utf-8"))
    assert raw["schema_version"] == SCHEMA_VERSION == 1
    assert raw["report"]["agency"]["name"] == "梨林镇人民政府"
    # Chinese is stored as text, not \\u escapes, so a clerk can read the file.
    assert "梨林镇人民政府" in saved.read_text(encoding="utf-8")


def test_save_stamps_updated_and_creates_the_folder(tmp_path: Path) -> None:
    session = Session()
    session.updated = session.updated.replace(year=2001)
    path = tmp_path / "a" / "b" / "new.json"
    store.save(session, path)
    assert path.is_file()
    assert session.updated.year > 2001
    assert store.load(path).updated == session.updated


def test_load_accepts_a_utf8_bom(tmp_path: Path, lilin_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + lilin_path.read_bytes())
    assert store.load(path).report.agency.name == "梨林镇人民政府"


# --- atomic write -------------------------------------------------------------------------


def _fail_replace_into(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        if Path(dst) == target:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def test_failed_replace_keeps_the_previous_file_and_no_temp(
    saved: Path, lilin: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = saved.read_bytes()
    _fail_replace_into(monkeypatch, saved)
    lilin.report.agency.name = "改过的名字"
    with pytest.raises(OSError):
        store.save(lilin, saved)
    assert saved.read_bytes() == before
    assert store.load(saved).report.agency.name == "梨林镇人民政府"
    # The backup (written first) holds the same good version; no temp file is left.
    assert _files(saved.parent) == ["lilin.json", "lilin.json.bak"]
    assert store.backup_path(saved).read_bytes() == before


def test_failed_backup_write_keeps_the_previous_file(
    saved: Path, lilin: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = saved.read_bytes()
    _fail_replace_into(monkeypatch, store.backup_path(saved))
    lilin.report.agency.name = "改过的名字"
    with pytest.raises(OSError):
        store.save(lilin, saved)
    assert saved.read_bytes() == before
    assert _files(saved.parent) == ["lilin.json"]


def test_write_failing_midway_keeps_the_previous_file(
    saved: Path, lilin: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(lilin, saved)  # now a backup exists too
    before = saved.read_bytes()
    backup_before = store.backup_path(saved).read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    lilin.report.agency.name = "改过的名字"
    with pytest.raises(OSError):
        store.save(lilin, saved)
    assert saved.read_bytes() == before
    assert store.backup_path(saved).read_bytes() == backup_before
    assert _files(saved.parent) == ["lilin.json", "lilin.json.bak"]


def test_interrupted_save_keeps_the_previous_file(
    saved: Path, lilin: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = saved.read_bytes()

    def interrupted_replace(src, dst, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted_replace)
    with pytest.raises(KeyboardInterrupt):
        store.save(lilin, saved)
    assert saved.read_bytes() == before
    assert _files(saved.parent) == ["lilin.json"]


# --- backup -------------------------------------------------------------------------------


def test_first_save_makes_no_backup(saved: Path) -> None:
    assert _files(saved.parent) == ["lilin.json"]


def test_one_backup_holding_the_previous_version(saved: Path, lilin: Session) -> None:
    first = saved.read_bytes()
    lilin.report.agency.name = "第二版"
    store.save(lilin, saved)
    second = saved.read_bytes()
    assert store.backup_path(saved) == saved.with_name("lilin.json.bak")
    assert store.backup_path(saved).read_bytes() == first

    lilin.report.agency.name = "第三版"
    store.save(lilin, saved)
    assert store.backup_path(saved).read_bytes() == second
    assert store.load(store.backup_path(saved)).report.agency.name == "第二版"
    assert store.load(saved).report.agency.name == "第三版"
    assert _files(saved.parent) == ["lilin.json", "lilin.json.bak"]


def test_saving_over_a_damaged_file_keeps_the_good_backup(saved: Path, lilin: Session) -> None:
    store.save(lilin, saved)
    good_backup = store.backup_path(saved).read_bytes()
    saved.write_text('{"report": {"year": 20', encoding="utf-8")  # damaged
    lilin.report.agency.name = "修好后"
    store.save(lilin, saved)
    assert store.backup_path(saved).read_bytes() == good_backup
    assert store.load(saved).report.agency.name == "修好后"


def test_saving_over_a_damaged_file_without_backup_makes_none(tmp_path: Path, lilin: Session) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b"\xff\xfe garbage")
    store.save(lilin, path)
    assert _files(tmp_path) == ["x.json"]
    assert store.load(path).report == lilin.report


# --- damaged files ------------------------------------------------------------------------


def _lilin_raw(lilin_path: Path) -> dict:
    return json.loads(lilin_path.read_text(encoding="utf-8"))


def _damage(kind: str, lilin_path: Path) -> bytes:
    good = lilin_path.read_bytes()
    if kind == "truncated":
        return good[: len(good) // 2]
    if kind == "invalid_json":
        return b'{"report": '
    if kind == "not_utf8":
        return "梨林镇".encode("gbk") + good
    if kind == "not_an_object":
        return b"[1, 2, 3]"
    raw = _lilin_raw(lilin_path)
    if kind == "text_for_number":
        raw["report"]["overview"]["items_total"] = "很多"
    elif kind == "negative_count":
        raw["report"]["table3"]["rows"]["new"][0] = -1
    elif kind == "unknown_version":
        raw["schema_version"] = "v1"
    return json.dumps(raw, ensure_ascii=False).encode("utf-8")


DAMAGE_REASON = {
    "truncated": "JSON 格式错误",
    "invalid_json": "（第 1 行第 12 列 JSON 格式错误）",
    "not_utf8": "（不是 UTF-8 文本）",
    "not_an_object": "（内容不是一个会话）",
    "text_for_number": "中 一、总体情况·全年主动公开信息总条数：应为整数，实为“很多”。",
    "negative_count": "中 表三「一、本年新收政府信息公开申请数量」「自然人」：应为不小于 0 的数，实为“-1”。",
    "unknown_version": "（无法识别的格式版本“v1”）",
}


@pytest.mark.parametrize("kind", list(DAMAGE_REASON))
def test_damaged_file_error_names_the_file_and_is_left_alone(kind: str, tmp_path: Path, lilin_path: Path) -> None:
    path = tmp_path / "bad.json"
    data = _damage(kind, lilin_path)
    path.write_bytes(data)
    mtime = path.stat().st_mtime_ns
    with pytest.raises(SessionError) as info:
        store.load(path)
    message = str(info.value)
    assert message.startswith(f"会话文件 {path}")
    assert DAMAGE_REASON[kind] in message
    assert "备份" not in message  # there is none
    assert "\n" not in message
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == mtime
    assert _files(tmp_path) == ["bad.json"]


@pytest.mark.parametrize("kind", list(DAMAGE_REASON))
def test_damaged_file_error_offers_the_backup(kind: str, tmp_path: Path, lilin_path: Path) -> None:
    path = tmp_path / "bad.json"
    backup = tmp_path / "bad.json.bak"
    backup.write_bytes(lilin_path.read_bytes())
    path.write_bytes(_damage(kind, lilin_path))
    with pytest.raises(SessionError) as info:
        store.load(path)
    message = str(info.value)
    assert message.endswith(f"上一次保存的备份：{backup}（可复制为 bad.json 后继续使用）")
    assert backup.read_bytes() == lilin_path.read_bytes()


def test_invalid_json_message_exact(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"report": ', encoding="utf-8")
    with pytest.raises(SessionError) as info:
        store.load(path)
    assert str(info.value) == f"会话文件 {path} 已损坏（第 1 行第 12 列 JSON 格式错误），未做任何改动。"


def test_deeply_nested_json_is_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000, encoding="utf-8")
    with pytest.raises(SessionError) as info:
        store.load(path)
    assert str(info.value) == f"会话文件 {path} 已损坏（JSON 嵌套过深），未做任何改动。"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    with pytest.raises(SessionError) as info:
        store.load(path)
    assert str(info.value) == f"找不到会话文件：{path}"


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(SessionError) as info:
        store.load(tmp_path)
    assert str(info.value) == f"{tmp_path} 是文件夹，不是会话文件"


# --- schema migration ---------------------------------------------------------------------


def test_version_0_bare_report_loads(tmp_path: Path, lilin_path: Path, lilin: Session) -> None:
    path = tmp_path / "old.json"
    bare = _lilin_raw(lilin_path)["report"]
    path.write_text(json.dumps(bare, ensure_ascii=False), encoding="utf-8")
    loaded = store.load(path)
    assert loaded.schema_version == 1
    assert loaded.report == lilin.report
    # Saving writes the current version; the version-0 original becomes the backup.
    store.save(loaded, path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["schema_version"] == 1
    assert raw["report"]["agency"]["name"] == "梨林镇人民政府"
    assert json.loads(store.backup_path(path).read_text(encoding="utf-8")) == bare


def test_version_0_with_explicit_version_key_loads(tmp_path: Path, lilin_path: Path, lilin: Session) -> None:
    path = tmp_path / "old.json"
    bare = {"schema_version": 0, **_lilin_raw(lilin_path)["report"]}
    path.write_text(json.dumps(bare, ensure_ascii=False), encoding="utf-8")
    assert store.load(path).report == lilin.report


def test_from_v0_wraps_the_report() -> None:
    assert store._from_v0({"year": 2022}) == {"schema_version": 1, "report": {"year": 2022}}


def test_newer_version_is_a_clear_error(tmp_path: Path, lilin_path: Path) -> None:
    path = tmp_path / "future.json"
    raw = _lilin_raw(lilin_path)
    raw["schema_version"] = 99
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SessionError) as info:
        store.load(path)
    assert str(info.value) == f"会话文件 {path} 的格式版本为 99，比本程序支持的版本 1 新，请升级 nianbao。"


@pytest.mark.parametrize("version", [-1, True, None, 1.0, "1"])
def test_unrecognised_version(version, tmp_path: Path, lilin_path: Path) -> None:
    path = tmp_path / "odd.json"
    raw = _lilin_raw(lilin_path)
    raw["schema_version"] = version
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SessionError) as info:
        store.load(path)
    assert f"已损坏（无法识别的格式版本“{version}”）" in str(info.value)


# --- where sessions live ------------------------------------------------------------------


def test_data_dir_argument_beats_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "env"))
    assert store.data_dir(tmp_path / "arg") == tmp_path / "arg"
    assert store.data_dir(str(tmp_path / "arg")) == tmp_path / "arg"


def test_data_dir_env_beats_platformdirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "env"))
    assert store.data_dir() == tmp_path / "env"
    assert store.sessions_dir() == tmp_path / "env" / "sessions"


def test_data_dir_defaults_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_data_dir

    monkeypatch.delenv("NIANBAO_DATA_DIR", raising=False)
    assert store.data_dir() == Path(user_data_dir("nianbao", appauthor=False))
    monkeypatch.setenv("NIANBAO_DATA_DIR", "")  # empty means unset
    assert store.data_dir() == Path(user_data_dir("nianbao", appauthor=False))


def test_resolve_by_name(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert store.resolve("梨林镇2021") == data_dir / "sessions" / "梨林镇2021.json"
    assert store.resolve("梨林镇2021", str(tmp_path / "other")) == tmp_path / "other" / "sessions" / "梨林镇2021.json"


def test_resolve_by_path(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert store.resolve("some.json") == Path("some.json")  # a .json name is a path, even if missing
    assert store.resolve("sub/report") == Path("sub/report")
    assert store.resolve(str(tmp_path / "abs.json")) == tmp_path / "abs.json"
    (tmp_path / "plain").write_text("{}", encoding="utf-8")
    assert store.resolve("plain") == Path("plain")  # an existing file wins over a session name


def test_resolved_name_loads(data_dir: Path, lilin: Session) -> None:
    store.save(lilin, data_dir / "sessions" / "lilin.json")
    assert store.load(store.resolve("lilin")).report == lilin.report


def test_list_sessions_missing_folder(data_dir: Path) -> None:
    assert store.list_sessions() == []


def test_list_sessions_newest_first(data_dir: Path, lilin: Session) -> None:
    folder = data_dir / "sessions"
    for name in ("a", "b", "c", "d"):
        store.save(lilin, folder / f"{name}.json")
    store.save(lilin, folder / "a.json")  # leaves a.json.bak, which is not listed
    (folder / ".c.json.123.tmp").write_text("{}", encoding="utf-8")
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    for name, stamp in (("a", 1_000), ("b", 3_000), ("c", 2_000), ("d", 2_000)):
        os.utime(folder / f"{name}.json", (stamp, stamp))
    assert [p.name for p in store.list_sessions()] == ["b.json", "c.json", "d.json", "a.json"]
    assert store.list_sessions(str(data_dir)) == store.list_sessions()
    assert store.list_sessions(str(data_dir / "elsewhere")) == []


def test_a_discarded_session_leaves_the_listing_and_is_kept_with_its_backup(tmp_path: Path, lilin):
    from nianbao.datadir import TRASH, discard_session

    path = store.sessions_dir(tmp_path) / "lilin.json"
    kept = []
    for _ in range(2):  # the same name deleted twice: both are kept
        store.save(lilin, path)
        store.save(lilin, path)
        kept.append(discard_session(path))
        assert not path.exists() and not store.backup_path(path).exists()
    assert store.list_sessions(str(tmp_path)) == []
    assert len(set(kept)) == 2 and all(p.parent == path.parent / TRASH for p in kept)
    for moved in kept:
        assert store.load(moved).report == lilin.report
        assert store.backup_path(moved).exists()
