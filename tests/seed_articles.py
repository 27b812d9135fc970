"""The two seed articles: where they are published and their source text."""

from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parent / "seeds"
SHARE_BAR_LABELS = ["Facebook", "Twitter", "Telegram", "WhatsApp", "Email", "Print"]


@dataclass(frozen=True)
class Seed:
    source: str
    url: str
    title: str
    date_text: str
    time_text: str
    iso: str
    credit: str
    dateline: str

    def paragraphs(self) -> list[str]:
        """Body paragraphs of the source: title and share-bar labels left out."""
        lines = [" ".join(line.split()) for line in (SEEDS / self.source).read_text().splitlines()]
        lines = [line for line in lines if line]
        if lines[1:7] == SHARE_BAR_LABELS:
            lines = lines[7:]
        return lines


KOTA_MAGELANG = Seed(
    source="rakor-2022-kota-magelang.txt",
    url="2022/08/rakor-seksi-phu-se-eks-karesidenan-kedu-wahana-evaluasi-kinerja/",
    title=(
        "Rakor Seksi PHU Se-Eks Karesidenan Kedu Menjadi Wahana Evaluasi Kinerja "
        "Dan Temukan Ide Segar Untuk Tingkatkan Kualitas Layanan"
    ),
    date_text="Selasa, 23 Agustus 2022",
    time_text="15.00 WIB",
    iso="2022-08-23T15:00:00+07:00",
    credit="Hari/rf",
    dateline="Kota Magelang –",
)
WONOSOBO = Seed(
    source="rakor-2021-wonosobo.txt",
    url="2021/06/lima-asn-kankemenag-wonosobo-ikuti-rakor-seksi-phu-se-eks-karesidenan-kedu/",
    title="Lima ASN Kankemenag Wonosobo Ikuti Rakor Seksi PHU Se-Eks Karesidenan Kedu di Purworejo",
    date_text="Selasa, 15 Juni 2021",
    time_text="14.00 WIB",
    iso="2021-06-15T14:00:00+07:00",
    credit="ps-ws",
    dateline="Wonosobo –",
)
SEEDS_PUBLISHED = [KOTA_MAGELANG, WONOSOBO]
