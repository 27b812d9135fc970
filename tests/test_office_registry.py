"""The office registry: contents, alias lookup, region expansion and validation."""

import tomllib
from pathlib import Path

import pytest

from office_tags.registry import build_registry, load_registry, normalise
from sitelib.errors import SiteConfigError

ROOT = Path(__file__).resolve().parents[1]
REGISTRY_FILE = ROOT / "data" / "offices.toml"
REGISTRY = load_registry(REGISTRY_FILE)

RESIDENCIES = {
    "semarang": ["kota-semarang", "kab-semarang", "kota-salatiga", "kab-kendal", "kab-demak", "kab-grobogan"],
    "pati": ["kab-pati", "kab-kudus", "kab-jepara", "kab-rembang", "kab-blora"],
    "pekalongan": ["kota-pekalongan", "kab-pekalongan", "kab-batang", "kab-pemalang", "kota-tegal", "kab-tegal", "kab-brebes"],
    "banyumas": ["kab-banyumas", "kab-cilacap", "kab-purbalingga", "kab-banjarnegara"],
    "kedu": ["kab-magelang", "kota-magelang", "kab-temanggung", "kab-wonosobo", "kab-purworejo", "kab-kebumen"],
    "surakarta": ["kota-surakarta", "kab-sukoharjo", "kab-karanganyar", "kab-sragen", "kab-wonogiri", "kab-klaten", "kab-boyolali"],
}


def registry_data():
    return tomllib.loads(REGISTRY_FILE.read_text())


def test_the_kanwil_and_35_kankemenag_in_six_residencies():
    offices = list(REGISTRY.offices.values())
    assert len(offices) == 36
    assert [o.code for o in offices if o.kind == "kanwil"] == ["kanwil-jateng"]
    assert sum(o.kind in ("kabupaten", "kota") for o in offices) == 35
    for region, codes in RESIDENCIES.items():
        assert [o.code for o in REGISTRY.offices_in(REGISTRY.regions[region])] == codes
    magelang = REGISTRY.offices["kab-magelang"]
    assert magelang.name == "Kantor Kementerian Agama Kabupaten Magelang"
    assert magelang.short_name == "Kankemenag Kab. Magelang"
    assert magelang.institution.name == "Kementerian Agama"


def test_every_alias_of_every_office_finds_it_whatever_the_case_and_spacing():
    checked = 0
    for office in REGISTRY.offices.values():
        for name in (office.code, office.name, office.short_name, *office.aliases):
            for variant in (name, name.upper(), name.lower(), f"  {name.replace(' ', '   ')} "):
                assert REGISTRY.find(variant) is office, variant
                checked += 1
    assert checked > 36 * 4 * 5


@pytest.mark.parametrize(
    "written, code",
    [("Kab. Magelang", "kab-magelang"), ("Kabupaten Magelang", "kab-magelang"),
     ("Kankemenag Kab. Magelang", "kab-magelang"), ("Kota Magelang", "kota-magelang"),
     ("Kankemenag Kebumen", "kab-kebumen"), ("kab magelang", "kab-magelang"), ("Solo", "kota-surakarta")],
)
def test_spellings_editors_write(written, code):
    assert REGISTRY.find(written).code == code


def test_ambiguous_bare_names_are_not_office_aliases():
    """'Magelang' could be the regency or the city; 'Pekalongan' is also a residency code."""
    for name in ("Magelang", "Tegal"):
        assert REGISTRY.find(name) is None
    assert REGISTRY.find("Pekalongan") is REGISTRY.regions["pekalongan"]


def test_regions_expand_to_their_offices():
    assert REGISTRY.find("kedu") is REGISTRY.regions["kedu"]
    assert REGISTRY.find("Se-Eks Karesidenan Kedu") is REGISTRY.regions["kedu"]
    assert len(REGISTRY.offices_in(REGISTRY.regions["jawa-tengah"])) == 36


def test_normalise():
    assert normalise("  Kab.Magelang ") == "kab magelang" == normalise("KAB-MAGELANG")


def test_closest_offices_for_a_misspelling():
    assert REGISTRY.closest("Kab. Magelng")[0].code == "kab-magelang"
    assert REGISTRY.closest("Wonosbo")[0].code == "kab-wonosobo"


def test_a_second_institution_needs_no_code_change():
    data = registry_data()
    data["office"].append({
        "code": "kanwil-kemenhaj-jateng", "name": "Kantor Wilayah Kementerian Haji dan Umrah Provinsi Jawa Tengah",
        "short_name": "Kanwil Kemenhaj Jawa Tengah", "kind": "kanwil", "region": "jawa-tengah",
        "institution": "kemenhaj", "aliases": ["Kanwil Kemenhaj Jateng"],
    })
    registry = build_registry(data, "uji.toml")
    office = registry.find("kanwil kemenhaj jateng")
    assert office.institution.name == "Kementerian Haji dan Umrah"
    assert len(registry.offices) == 37


def broken(change):
    data = registry_data()
    change(data)
    with pytest.raises(SiteConfigError) as error:
        build_registry(data, "data/offices.toml")
    return str(error.value)


def test_duplicate_code_is_refused():
    message = broken(lambda d: d["office"].append(dict(d["office"][1])))
    assert "[[office]] ke-37" in message and "kode kantor 'kota-semarang' sudah dipakai" in message


def test_duplicate_alias_is_refused():
    def add_alias(data):
        data["office"][2]["aliases"].append("Kota Semarang")
    message = broken(add_alias)
    assert "[[office]] ke-3" in message and "'Kota Semarang' sudah dipakai oleh 'kota-semarang'" in message


def test_unknown_region_is_refused():
    def move(data):
        data["office"][5]["region"] = "madura"
    message = broken(move)
    assert "[[office]] ke-6: wilayah 'madura' tidak dikenal" in message and "kedu" in message


def test_unknown_institution_and_kind_are_refused():
    assert "instansi 'kemendagri' tidak dikenal" in broken(lambda d: d["office"][0].update(institution="kemendagri"))
    assert "jenis kantor 'kecamatan' tidak dikenal" in broken(lambda d: d["office"][0].update(kind="kecamatan"))
    assert "kolom 'short_name' wajib diisi" in broken(lambda d: d["office"][0].pop("short_name"))
