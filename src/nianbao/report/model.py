"""What a report IS: the whole 2021-format annual report as pydantic models. No I/O, no UI.

Unknown values are None (flagged by the rules), never silently 0. Totals are stored as entered.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, field_validator

from nianbao.report import labels as L

Count = Optional[Annotated[int, Field(ge=0, strict=False)]]
Amount = Optional[Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=4)]]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _clean(value: str) -> str:
    # Control characters would break atomic-save JSON readers and terminal output alike.
    return _CONTROL.sub("", value).strip()


class _Model(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _strip_strings(cls, value):
        if isinstance(value, str):
            return _clean(value)
        if isinstance(value, list):
            return [_clean(v) if isinstance(v, str) else v for v in value]
        return value


class Contact(_Model):
    office: str = ""  # who answers questions, e.g. 梨林镇党政办
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    fax: str = ""


class CountItem(_Model):
    """A labelled count, e.g. a channel ("微信公众号“大美梨林”", 510) or a category."""

    label: str
    count: Count = None


class Agency(_Model):
    name: str = ""  # 梨林镇人民政府
    self_ref: str = ""  # 我镇 / 我局 / 我办
    kind: Literal[tuple(L.AGENCY_KINDS)] = "township"  # type: ignore[valid-type]
    supervisor: str = ""  # 示范区政务公开办
    website: str = ""  # where the electronic version can be downloaded
    contact: Contact = Field(default_factory=Contact)


class Mechanisms(_Model):
    """The working mechanisms a clerk reports under 监督保障 / 政府信息管理."""

    leadership_group: Optional[bool] = None  # 成立政务公开工作领导小组
    lead_office: str = ""  # 领导小组办公室设在…, e.g. 镇党政办
    meetings: Count = None  # 专题会议次数
    trainings: Count = None  # 培训次数
    trainees: Count = None  # 培训人次
    review_procedure: Optional[bool] = None  # 公开前保密审查
    privacy_protection: Optional[bool] = None  # 个人隐私保护（删除遮挡身份证号等）
    assessment: Optional[bool] = None  # 纳入年度绩效考核
    complaint_phone: str = ""  # 公布的举报投诉电话


class Overview(_Model):
    """Section 一 as structured facts for the five aspects."""

    summary: str = ""  # one opening sentence of the clerk's own
    items_total: Count = None  # 全年主动公开信息总条数
    by_channel: list[CountItem] = Field(default_factory=list)
    by_category: list[CountItem] = Field(default_factory=list)
    category_channel: str = ""  # the channel whose items by_category breaks down ("" = all items)
    active_measures: list[str] = Field(default_factory=list)
    request_measures: list[str] = Field(default_factory=list)
    management_measures: list[str] = Field(default_factory=list)
    platform_measures: list[str] = Field(default_factory=list)
    supervision_measures: list[str] = Field(default_factory=list)
    mechanisms: Mechanisms = Field(default_factory=Mechanisms)


class DocRow(_Model):
    issued: Count = None
    repealed: Count = None
    in_force: Count = None


class Table2(_Model):
    regulations: DocRow = Field(default_factory=DocRow)
    normative_documents: DocRow = Field(default_factory=DocRow)
    licensing: Count = None
    penalty: Count = None
    coercion: Count = None
    fees: Amount = None  # 万元


def _blank_t3() -> dict[str, list[Optional[int]]]:
    return {key: [None] * len(L.T3_COLUMN_KEYS) for key in L.T3_ROW_KEYS}


class Table3(_Model):
    """25 rows × 7 columns, keyed by labels.T3_ROW_KEYS, columns in labels.T3_COLUMN_KEYS order."""

    rows: dict[str, list[Count]] = Field(default_factory=_blank_t3)

    @field_validator("rows")
    @classmethod
    def _complete(cls, rows: dict[str, list[Optional[int]]]) -> dict[str, list[Optional[int]]]:
        unknown = set(rows) - set(L.T3_ROW_KEYS)
        if unknown:
            raise ValueError(f"表三没有这一行：{'、'.join(sorted(unknown))}")
        width = len(L.T3_COLUMN_KEYS)
        full = {}
        for key in L.T3_ROW_KEYS:
            values = list(rows.get(key, [None] * width))
            if len(values) != width:
                raise ValueError(f"表三「{L.T3_ROW_BY_KEY[key].label}」应有 {width} 个数，实有 {len(values)} 个")
            full[key] = values
        return full

    def get(self, row: str, column: str) -> Optional[int]:
        return self.rows[row][L.T3_COLUMN_KEYS.index(column)]

    def set(self, row: str, column: str, value: Optional[int]) -> None:
        rows = {k: list(v) for k, v in self.rows.items()}
        rows[row][L.T3_COLUMN_KEYS.index(column)] = value
        self.rows = rows

    def fill_zero(self) -> None:
        self.rows = {key: [0] * len(L.T3_COLUMN_KEYS) for key in L.T3_ROW_KEYS}


class T4Group(_Model):
    upheld: Count = None
    corrected: Count = None
    other: Count = None
    pending: Count = None
    total: Count = None

    def values(self) -> list[Optional[int]]:
        return [getattr(self, key) for key in L.T4_COLUMN_KEYS]


class Table4(_Model):
    review: T4Group = Field(default_factory=T4Group)
    direct: T4Group = Field(default_factory=T4Group)
    after_review: T4Group = Field(default_factory=T4Group)

    def values(self) -> list[Optional[int]]:
        """The 15 values in FORMAT.md §4 order."""
        return [v for g in L.T4_GROUP_KEYS for v in getattr(self, g).values()]

    def fill_zero(self) -> None:
        for g in L.T4_GROUP_KEYS:
            setattr(self, g, T4Group(**{c: 0 for c in L.T4_COLUMN_KEYS}))


class Problems(_Model):
    """Section 五."""

    problems: list[str] = Field(default_factory=list)
    measures: list[str] = Field(default_factory=list)
    last_year_followup: list[str] = Field(default_factory=list)


class OtherMatters(_Model):
    """Section 六. Amounts in 元. Text items may be "无"."""

    fee_notices: Count = None  # 发出收费通知的件数
    fee_notice_amount: Amount = None  # 收费通知的总金额（元）
    fees_collected: Amount = None  # 实际收取的总金额（元）
    work_points: str = ""
    proposals: str = ""
    innovation: str = ""
    other: str = ""


class Report(_Model):
    year: int = Field(default=2021, ge=2000, le=2100)
    agency: Agency = Field(default_factory=Agency)
    overview: Overview = Field(default_factory=Overview)
    table2: Table2 = Field(default_factory=Table2)
    table3: Table3 = Field(default_factory=Table3)
    table4: Table4 = Field(default_factory=Table4)
    problems: Problems = Field(default_factory=Problems)
    other: OtherMatters = Field(default_factory=OtherMatters)

    @property
    def title(self) -> str:
        return f"{self.agency.name}{self.year}{L.REPORT_TITLE_SUFFIX}"
