"""The device and chipset catalogue, built once from the GSMArena CSV.

The catalogue is stored as compact JSON (`data/gsmarena/catalogue.json`): one `json.load` of
~400 KB takes a few milliseconds, faster than opening SQLite and reading 12,000 rows, and the
extractor needs all of it in memory anyway for pattern and fuzzy matching.

Rebuild with `python -m bot.catalogue ../shared/data/gsmarena/gsmarena_dataset.csv`.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot import DATA_DIR

CATALOGUE_PATH = DATA_DIR / "gsmarena" / "catalogue.json"

_KIND_SUFFIX = re.compile(
    r"\s+(?:Android|Symbian|Mobile|Windows|Watch|Tizen|Firefox|KaiOS|Sailfish|Ubuntu|BlackBerry|iOS|iPadOS|watchOS|webOS)?\s*"
    r"(smartphone|tablet|watch|phone)$",
    re.IGNORECASE,
)
_MEDIATEK_CODE = re.compile(r"^MT\d{4}[A-Z]*\s+(?=\S)")
_MODEM_SUFFIX = re.compile(r"\s+[45]G(\+?)$")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], start=1
    )
}


@dataclass(frozen=True)
class Device:
    name: str
    brand: str
    announced: str | None
    chipset: str | None
    kind: str


@dataclass(frozen=True)
class Catalogue:
    devices: tuple[Device, ...]
    chipsets: tuple[str, ...]

    @property
    def brands(self) -> frozenset[str]:
        return frozenset(d.brand for d in self.devices)


def canonical_chipset(raw: str) -> str | None:
    """The catalogue's chipset name without MediaTek part codes or modem suffixes.

    "MT6983 Dimensity 9000" and "Snapdragon 888 5G" are shown to people as "Dimensity 9000" and
    "Snapdragon 888"; a bare part code ("MT6580") stays as it is, since it has no other name.
    """
    name = raw.strip().removesuffix(".").strip()
    name = re.sub(r"\s+chipset$", "", name, flags=re.IGNORECASE).strip()
    if not name:
        return None
    name = _MEDIATEK_CODE.sub("", name)
    name = name.removeprefix("MediaTek ")
    name = _MODEM_SUFFIX.sub(lambda m: m.group(1), name)
    return name


def _device_name(model: str) -> tuple[str, str]:
    model = model.split(". ")[0].strip()
    match = _KIND_SUFFIX.search(model)
    kind = match.group(1).lower() if match else "phone"
    if kind == "smartphone":
        kind = "phone"
    name = _KIND_SUFFIX.sub("", model).strip() if match else model
    return name, kind


def _announced(year_field: str) -> str | None:
    match = re.match(r"([A-Z][a-z]{2})-(\d{2})$", year_field.strip())
    if not match or match.group(1) not in _MONTHS:
        return None
    return (
        f"20{match.group(2)}-{_MONTHS[match.group(1)]:02d}"
        if int(match.group(2)) < 70
        else f"19{match.group(2)}-{_MONTHS[match.group(1)]:02d}"
    )


def build_catalogue(csv_path: Path) -> dict:
    """The catalogue's JSON from GSMArena's CSV export (devices, brands, chipsets)."""
    devices: dict[str, list] = {}
    with open(csv_path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name, kind = _device_name(row["Model"])
            if not name or name in devices:
                continue
            devices[name] = [
                name,
                name.split()[0],
                _announced(row["Year"]),
                canonical_chipset(row["SoC"]),
                kind,
            ]
    chipsets = sorted({d[3] for d in devices.values() if d[3]})
    return {"devices": list(devices.values()), "chipsets": chipsets}


@lru_cache(maxsize=1)
def load_catalogue(path: Path = CATALOGUE_PATH) -> Catalogue:
    """The device and chipset catalogue, read once per process."""
    with open(path, encoding="utf-8") as handle:
        raw = json.load(handle)
    return Catalogue(devices=tuple(Device(*row) for row in raw["devices"]), chipsets=tuple(raw["chipsets"]))


def main(argv: list[str]) -> int:
    """`python -m bot.catalogue CSV`: rebuild data/catalogue.json from the CSV."""
    if len(argv) != 1:
        print("usage: python -m bot.catalogue GSMARENA_CSV", file=sys.stderr)
        return 2
    data = build_catalogue(Path(argv[0]))
    CATALOGUE_PATH.write_text(
        json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{len(data['devices'])} devices, {len(data['chipsets'])} chipsets -> {CATALOGUE_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
