"""sitelib.registry_file: the one way the TOML registries (offices, editors, share networks) are checked."""

import pytest

from sitelib.errors import SiteConfigError
from sitelib.registry_file import Key, read_toml, refuse_repeats, table_entries

KEYS = (Key("code"), Key("kind", choices=("a", "b"), label="jenis"), Key("aliases", list, required=False, items=str),
        Key("count", int, required=False))


def refusal(toml: str, tmp_path) -> str:
    path = tmp_path / "daftar.toml"
    path.write_text(toml)
    with pytest.raises(SiteConfigError) as error:
        entries = table_entries(read_toml(path), "item", "data/daftar.toml", KEYS)
        refuse_repeats(entries, "code", "kode", key=str.lower)
    return str(error.value)


def test_entries_are_checked_and_text_is_stripped(tmp_path):
    path = tmp_path / "daftar.toml"
    path.write_text('[[item]]\ncode = " x "\nkind = "a"\n[[item]]\ncode = "y"\nkind = "b"\naliases = ["z"]\ncount = 2\n')
    entries = table_entries(read_toml(path), "item", "data/daftar.toml", KEYS)
    assert [entry.values for entry in entries] == [{"code": "x", "kind": "a"}, {"code": "y", "kind": "b", "aliases": ["z"], "count": 2}]
    assert entries[1].where == "data/daftar.toml, [[item]] ke-2"


@pytest.mark.parametrize("toml, message", [
    ('[[item]]\nkind = "a"\n', "data/daftar.toml, [[item]] ke-1: kolom 'code' wajib diisi (teks)."),
    ('[[item]]\ncode = "  "\nkind = "a"\n', "data/daftar.toml, [[item]] ke-1: kolom 'code' wajib diisi (teks)."),
    ('[[item]]\ncode = "x"\nkind = "a"\n[[item]]\ncode = 5\nkind = "a"\n',
     "data/daftar.toml, [[item]] ke-2: kolom 'code' harus berupa teks, bukan bilangan bulat."),
    ('[[item]]\ncode = "x"\nkind = "c"\n', "data/daftar.toml, [[item]] ke-1: jenis 'c' tidak dikenal; pilih salah satu dari: a, b."),
    ('[[item]]\ncode = "x"\nkind = "a"\nalias = ["y"]\n',
     "data/daftar.toml, [[item]] ke-1: kolom 'alias' tidak dikenal; kolom yang sah: code, kind, aliases, count."),
    ('[[item]]\ncode = "x"\nkind = "a"\naliases = "y"\n', "kolom 'aliases' harus berupa daftar, bukan teks."),
    ('[[item]]\ncode = "x"\nkind = "a"\naliases = ["y", 1]\n', "kolom 'aliases' harus berupa daftar teks; 1 adalah bilangan bulat."),
    ('[[item]]\ncode = "x"\nkind = "a"\ncount = true\n', "kolom 'count' harus berupa bilangan bulat, bukan true atau false."),
    ('[[item]]\ncode = "x"\nkind = "a"\n[[item]]\ncode = "X"\nkind = "b"\n',
     "data/daftar.toml, [[item]] ke-2: kode 'X' sudah dipakai di [[item]] ke-1; kode tidak boleh tercantum dua kali."),
    ('item = "x"\n', "data/daftar.toml: [[item]] harus berupa daftar entri."),
    ('item = ["x"]\n', "data/daftar.toml, [[item]] ke-1: entri harus berupa tabel, bukan teks."),
])
def test_a_broken_entry_is_named_with_its_file_entry_and_field(tmp_path, toml, message):
    assert message in refusal(toml, tmp_path)


def test_a_missing_or_broken_file_is_named(tmp_path):
    with pytest.raises(SiteConfigError, match="Daftar tidak ada"):
        read_toml(tmp_path / "tidak-ada.toml", missing="Daftar tidak ada.")
    assert "bukan TOML yang sah" in refusal("[[item]\n", tmp_path)
