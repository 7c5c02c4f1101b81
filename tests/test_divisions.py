"""The national division table: county-level units, prefectures, townships, and the script that rebuilds it."""

from __future__ import annotations

import gzip
import subprocess
import sys

from kg.text.divisions import divisions, short_county_name
from conftest import ROOT


def test_county_level_cities_are_told_from_prefecture_cities():
    table = divisions()
    assert table.is_county("英德市") and not table.is_above_county("英德市")
    assert table.is_above_county("清远市") and not table.is_county("清远市")
    # A prefecture city without counties stands directly above its towns.
    assert table.is_county("东莞市") and not table.is_above_county("东莞市")


def test_autonomous_counties_are_known_by_their_short_names_too():
    assert short_county_name("芷江侗族自治县") == "芷江县"
    assert short_county_name("双江拉祜族佤族布朗族傣族自治县") == "双江县"
    assert short_county_name("青禾县") is None
    assert divisions().holds("芷江县", "新店坪镇") and divisions().holds("芷江侗族自治县", "新店坪镇")


def test_townships_and_the_counties_that_hold_them():
    table = divisions()
    assert table.is_township("丁蜀镇") and table.counties_of("丁蜀镇") == ["宜兴市"]
    assert not table.holds("英德市", "丁蜀镇")
    assert not table.is_township("白露镇栖霞") and table.counties_of("没有这个乡") == []


def test_the_script_rebuilds_the_table_from_the_package_files_the_same_way_every_time(tmp_path):
    dist = tmp_path / "package" / "dist"
    dist.mkdir(parents=True)
    (dist / "provinces.csv").write_text('code,name\n91,"云州省"\n', encoding="utf-8")
    (dist / "cities.csv").write_text('code,name,provinceCode\n9101,"市辖区",91\n9102,"兰亭市",91\n', encoding="utf-8")
    (dist / "areas.csv").write_text('code,name,cityCode,provinceCode\n910201,"青禾县",9102,91\n', encoding="utf-8")
    (dist / "streets.csv").write_text(
        'code,name,areaCode,provinceCode,cityCode\n910201101,"白露镇",910201,91,9102\n'
        '910201001,"云岫街道办事处",910201,91,9102\n', encoding="utf-8")
    out = tmp_path / "divisions.tsv.gz"
    script = ROOT / "scripts" / "build_divisions.py"
    runs = []
    for _ in range(2):
        subprocess.run([sys.executable, str(script), str(tmp_path / "package"), "--out", str(out)], check=True,
                       capture_output=True)
        runs.append(out.read_bytes())
    assert runs[0] == runs[1]
    rows = gzip.decompress(runs[0]).decode("utf-8").splitlines()
    assert rows == ["91\t云州省", "9102\t兰亭市", "910201\t青禾县", "910201001\t云岫街道办事处", "910201101\t白露镇"]
