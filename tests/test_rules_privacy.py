"""Publication lints: personal data (P-1), template residue (P-2), altered labels (L-1)."""

from __future__ import annotations

import pytest
from rules_helpers import county_report, lilin_report, only, rendered, run, zero_report

from nianbao.rules.privacy import id_checksum_ok, mask, plausible_birth_date

# A made-up number with a valid GB 11643 check character (the weights give X here).
VALID_ID = "11010519491231002X"


def _text(body: str, section: str = "一、总体情况") -> str:
    return f"某镇人民政府2021年政府信息公开工作年度报告\n\n{section}\n\n{body}\n"


@pytest.mark.parametrize("rule_id", ["P-1", "P-2", "L-1"])
@pytest.mark.parametrize("make", [lilin_report, county_report], ids=["lilin", "county"])
def test_rendered_examples_pass(rule_id, make):
    report = make()
    assert run(rule_id, report, text=rendered(report)) == []


# --- P-1 ----------------------------------------------------------------------------------
def test_id_number_helpers():
    assert id_checksum_ok(VALID_ID)
    assert not id_checksum_ok(VALID_ID[:-1] + "1")
    assert plausible_birth_date("410881199001011234", 2021)
    assert not plausible_birth_date("410881199013011234", 2021)
    assert mask("13812345678") == "138****5678"


def test_p1_id_number_is_masked_in_the_message():
    finding = only(run("P-1", lilin_report(), text=_text(f"经核实，申请人张某（身份证号{VALID_ID}）已领取补助。")))
    assert (finding.rule, finding.severity, finding.section) == ("P-1", "E", "overview")
    assert "「一、总体情况」" in finding.message and "110***********002X" in finding.message
    assert VALID_ID not in finding.message


def test_p1_an_18_digit_number_whose_check_is_not_an_ids_passes():
    # issue 13 item 8: a document number with a date inside is no ID; 18 digits are judged by the check
    assert not id_checksum_ok("440300202101010001")
    assert run("P-1", lilin_report(), text=_text("文号 440300202101010001 号，编号410881199001011235。")) == []


@pytest.mark.parametrize(
    "typed, shown",
    [
        ("440301 19850101 009X", "440***********009X"),  # grouped by spaces
        ("440301-1985-0101-009X", "440***********009X"),
        ("440301850101009", "440********1009"),  # a 15-digit old ID
        (VALID_ID + "abc", "110***********002X"),  # letters right after
        ("+8613812345678", "138****5678"),
        ("8613812345678", "138****5678"),
        ("138.1234.5678", "138****5678"),
        ("138\u20131234\u20135678", "138****5678"),  # en dash
        ("1381 2345 678", "138****5678"),  # 4-4-3
        ("138\uff0d1234\uff0d5678", "138****5678"),  # full-width hyphen
        ("一三八一二三四五六七八", "138****5678"),  # in Chinese numerals
        ("138\u200b1234\u20605678", "138****5678"),  # invisible characters inside
    ],
)
def test_p1_personal_data_typed_the_ways_people_type_it(typed, shown):
    finding = only(run("P-1", lilin_report(), text=_text(f"经核实，申请人张某（{typed}）已领取补助。")))
    assert shown in finding.message
    assert typed not in finding.message


def test_p1_an_amount_of_eleven_digits_is_no_phone():
    assert run("P-1", lilin_report(), text=_text("全年支出13812345678元，其中…")) == []


def test_p1_long_numbers_that_are_not_ids_pass():
    body = "项目编号202100000000000000123，文号 999999999999999999。"  # 21 digits; 18 digits, no date
    assert run("P-1", lilin_report(), text=_text(body)) == []


def test_p1_mobile_number():
    finding = only(run("P-1", lilin_report(), text=_text("联系人：王某，电话 139-1234-5678。", "五、存在的主要问题及改进情况")))
    assert finding.section == "problems" and "139****5678" in finding.message and "手机号码" in finding.message


def test_p1_mobile_inside_a_longer_number_passes():
    assert run("P-1", lilin_report(), text=_text("批次号 2013812345678，编号 113912345678。")) == []


def test_p1_published_contact_number_passes():
    report = lilin_report()
    report.agency.contact.phone = "13912345678"
    assert run("P-1", report, text=_text("咨询电话：13912345678。")) == []


def test_p1_reads_the_answers_when_there_is_no_text():
    report = zero_report()
    report.problems.measures = ["由王某（13712345678）负责"]
    finding = only(run("P-1", report))
    assert finding.section == "problems" and finding.row == "problems.measures[0]"
    assert "137****5678" in finding.message


# --- P-2 ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "kind", "shown"),
    [
        ("2021年，XX镇共发布信息850条。", "模板占位“XX”", "XX镇"),
        ("全年共公开文件××件。", "模板占位“XX”", "××件"),
        ("主动公开信息  条，其中网站发布300条。", "数字位置空着", "主动公开信息  条"),
        ("全年收到申请 件。", "数字位置空着", "收到申请 件"),
        ("联系电话：[ ]。", "空括号", "[ ]"),
        ("本年度发出收费通知【待填：收费通知件数】件。", "未填的占位符", "【待填：收费通知件数】"),
        ("落实情况：{{ work_points }}。", "未替换的模板标记", "{{ work_points"),
        ("依据青政办〔〕号文件。", "空括号", "〔〕"),
        ("全年召开会议___次。", "下划线空格", "___次"),
    ],
)
def test_p2_template_residue(body, kind, shown):
    findings = run("P-2", lilin_report(), text=_text(body))
    assert findings, body
    finding = findings[0]
    assert (finding.rule, finding.severity, finding.section) == ("P-2", "E", "overview")
    assert kind in finding.message and shown in finding.message


@pytest.mark.parametrize(
    "body",
    [
        "全年共发布信息 850 条，其中政府网站 340 条。",  # spaces around figures are fine
        "学习《中华人民共和国政府信息公开 条例》。",  # a stray space before 条例, not a blank figure
        "登录 Windows XX 版系统。" .replace("XX", "XP"),
        "梨林镇人民政府 2021 年政府信息公开工作年度报 告",
    ],
)
def test_p2_ordinary_text_passes(body):
    assert run("P-2", lilin_report(), text=_text(body)) == []


def test_p2_draft_placeholders_name_the_missing_fact():
    report = lilin_report()
    report.other.innovation = ""
    findings = run("P-2", report, text=rendered(report))
    finding = only(findings)
    assert finding.section == "other" and "【待填：年度政务公开工作创新情况】" in finding.message


def test_p2_reads_the_answers_when_there_is_no_text():
    report = zero_report()
    report.other.proposals = "办理建议XX件"
    finding = only(run("P-2", report))
    assert finding.row == "other.proposals" and "XX件" in finding.message


# --- L-1 ----------------------------------------------------------------------------------
def test_l1_altered_labels():
    body = "（二）部分公开（区分处理的，只计这一情况，不计其他情形）  0\n5.属于三类内容事务信息  0\n5.属于三类内 容事务信息"
    findings = run("L-1", lilin_report(), text=_text(body, "三、收到和处理政府信息公开申请情况"))
    assert [(f.rule, f.severity, f.section) for f in findings] == [("L-1", "E", "requests")] * 2
    assert "“只计这一情况”应为“只计这一情形”" in findings[0].message
    assert "“三类内容事务信息”（2 处）应为“三类内部事务信息”" in findings[1].message


def test_l1_official_labels_pass():
    body = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n3.危及“三安全一稳定”\n5.属于三类内部事务信息"
    assert run("L-1", lilin_report(), text=_text(body)) == []


def test_p1_through_check_finds_a_mobile_typed_with_86_and_dashes(tmp_path):
    from pathlib import Path

    from typer.testing import CliRunner

    import nianbao.cli  # noqa: F401  (registers the commands)
    from nianbao.cli.common import app

    clean = Path(__file__).parent / "fixtures" / "importer" / "clean-2021.txt"
    text = clean.read_text(encoding="utf-8").replace("主动公开", "申请人王某（+86 138-1234-5678）主动公开", 1)
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 1, result.output
    assert "P-1" in result.output and "138****5678" in result.output


def _check_text(tmp_path, text: str):
    from typer.testing import CliRunner

    import nianbao.cli  # noqa: F401  (registers the commands)
    from nianbao.cli.common import app

    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(app, ["check", str(path)])


def test_p1_in_a_published_report_only_the_contact_sentences_number_is_exempt(tmp_path):
    from pathlib import Path

    clean = (Path(__file__).parent / "fixtures" / "importer" / "clean-2021.txt").read_text(encoding="utf-8")
    quoted = clean.replace("本报告根据", "本年度申请人张某（电话13812345678）来电咨询。本报告根据", 1)
    result = _check_text(tmp_path, quoted)
    assert result.exit_code == 1 and "138****5678" in result.output, result.output
    # the agency's own mobile in the contact sentence is published on purpose
    own = clean.replace("电话：0812-5551234", "电话：13912345678", 1)
    result = _check_text(tmp_path, own)
    assert "P-1" not in result.output, result.output
