"""Township identity: the bodies a report names are one township; one name in two counties is two."""

from __future__ import annotations

import pytest

from kg.text.places import county_name, identity, same_township, township_name


@pytest.mark.parametrize("raw", [
    "白石镇", "白石镇人民政府", "中共白石镇委员会", "白石镇党委政府", "白石镇党委", "白石镇政府", "中共白石镇委",
    "青禾县白石镇人民政府", "白石鎮人民政府", " 白石镇　", "中国共产党白石镇委员会",
])
def test_every_body_of_a_township_is_the_township(raw):
    assert township_name(raw) == "白石镇"


@pytest.mark.parametrize(("raw", "name"), [
    ("柳溪街道办事处", "柳溪街道"), ("柳溪乡人民政府", "柳溪乡"), ("新市镇", "新市镇"), ("县城镇", "县城镇"),
    ("中共塔拉苏木委员会", "塔拉苏木"), ("阿拉坦旗塔拉苏木人民政府", "塔拉苏木"),
])
def test_township_suffixes_are_kept(raw, name):
    assert township_name(raw) == name


@pytest.mark.parametrize("raw", [None, "", "  ", "镇人民政府"])
def test_no_township_is_none(raw):
    assert township_name(raw) is None


@pytest.mark.parametrize("raw", ["青禾县", "中共青禾县委", "青禾县人民政府", "青禾縣人民政府"])
def test_every_body_of_a_county_is_the_county(raw):
    assert county_name(raw) == "青禾县"


def test_one_name_in_two_counties_is_two_townships():
    assert not same_township(("青禾县", "白石镇"), ("雾隐县", "白石镇"))
    assert identity("青禾县", "白石镇") != identity("雾隐县", "白石镇")


def test_an_unknown_county_does_not_split_a_township():
    assert same_township((None, "白石镇人民政府"), ("中共青禾县委", "中共白石镇委员会"))
    assert not same_township((None, "白石镇"), (None, "柳溪乡"))
