"""Generated phone-news articles (brands, rumours, launches, comparisons, bullet lists, price tables,
filler prose), the same for a given seed: the input of benchmarks/bench_extract.py and of the
extractor's golden test (tests/extract/test_golden.py)."""

from __future__ import annotations

import random

from bot.extract.dates import MONTHS

BRANDS = {
    "Samsung": ["Galaxy S{n} Ultra", "Galaxy S{n}+", "Galaxy A{n2}", "Galaxy Z Fold {f}"],
    "Apple": ["iPhone {i} Pro Max", "iPhone {i} Pro", "iPhone {i}"],
    "Google": ["Pixel {p} Pro", "Pixel {p}a", "Pixel {p}"],
    "Xiaomi": ["Xiaomi {x} Ultra", "Xiaomi {x}S Pro", "Redmi Note {x}", "Poco F{f}"],
    "OnePlus": ["OnePlus {x}", "OnePlus {x}R", "OnePlus Nord {f}"],
    "Nothing": ["Nothing Phone ({f})"],
    "Oppo": ["Oppo Find X{f} Pro", "Oppo Reno{x} Pro"],
    "vivo": ["vivo X{x2} Pro+", "vivo V{n}"],
    "Honor": ["Honor Magic{f} Pro", "Honor {x2}"],
    "Huawei": ["Huawei P{x2} Pro", "Huawei Mate {x2}"],
    "Motorola": ["Motorola Edge {x2}"],
    "Realme": ["Realme GT{f} Pro"],
}
CHIPS = [
    "Snapdragon 8 Gen 2",
    "Snapdragon 8+ Gen 1",
    "Snapdragon 8 Plus Gen 1",
    "Dimensity 9200",
    "Exynos 2200",
    "Google Tensor G3",
    "A17 Pro",
    "Snapdragon 7 Gen 1",
    "Dimensity 8100",
    "SM8550",
]
CUES = {
    "rumored": [
        "Rumors say that",
        "According to a leak,",
        "A tipster claims that",
        "Reports suggest that",
        "A TENAA listing reveals that",
        "It is expected that",
    ],
    "speculated": ["We think", "It seems", "We're anticipating that", "Perhaps"],
    "confirmed": [
        "The company officially confirmed that",
        "{brand} announced that",
        "{brand} has confirmed that",
    ],
    "plain": [""],
}
FILLER = [
    "The smartphone market has been slow this quarter, and makers are looking for new ways to stand out.",
    "Photography remains the main battleground for flagship phones, with software playing a bigger role each year.",
    "Analysts at several firms expect shipments to recover in the second half of the year.",
    "The design language is familiar, with a flat frame and rounded corners.",
    "Stay tuned for our full review in the coming weeks.",
    "Let us know in the comments what you think about it.",
    "Carriers in the US and Europe have not yet shared their plans.",
    "Software support is promised for four years of major updates.",
]


def model_name(rng: random.Random, brand: str) -> str:
    template = rng.choice(BRANDS[brand])
    name = template.format(
        n=rng.randint(20, 25),
        n2=rng.randint(14, 75),
        f=rng.randint(1, 6),
        i=rng.randint(13, 16),
        p=rng.randint(6, 9),
        x=rng.randint(10, 14),
        x2=rng.randint(50, 100),
    )
    if brand in ("Samsung", "Google", "Apple") and rng.random() < 0.5:
        return name
    return name if name.split()[0] == brand or rng.random() < 0.4 else name


def spec_sentence(rng: random.Random, brand: str, subject: str) -> str:
    kind = rng.randrange(12)
    if kind == 0:
        body = f"{subject} will be powered by the {rng.choice(CHIPS)} chipset"
    elif kind == 1:
        body = f"{subject} features a {rng.choice(['6.1', '6.4', '6.7', '6.8', '6.73'])}-inch {rng.choice(['AMOLED', 'LTPO OLED', 'OLED', 'Dynamic AMOLED 2X'])} display with a {rng.choice([90, 120, 144])}Hz refresh rate"
    elif kind == 2:
        body = f"{subject} packs {rng.choice([8, 12, 16])}GB RAM and {rng.choice([128, 256, 512])}GB storage"
    elif kind == 3:
        body = f"{subject} gets a {rng.choice([4500, 4860, 5000, 5500])}mAh battery with {rng.choice([45, 67, 100, 120])}W fast charging and {rng.choice([15, 30, 50])}W wireless charging"
    elif kind == 4:
        body = f"{subject} has a {rng.choice([50, 108, 200])}MP main camera, a {rng.choice([12, 48, 50])}MP ultrawide lens and a {rng.choice([10, 12, 64])}MP periscope telephoto"
    elif kind == 5:
        body = f"{subject} comes with a triple rear camera and a {rng.choice([12, 16, 32])}MP selfie camera"
    elif kind == 6:
        body = f"{subject} runs Android {rng.choice([13, 14])} out of the box"
    elif kind == 7:
        body = f"{subject} will launch on {rng.choice(MONTHS)} {rng.randint(1, 28)}"
    elif kind == 8:
        body = f"{subject} is priced at ${rng.choice([499, 699, 799, 999, 1199])}"
    elif kind == 9:
        other = model_name(rng, brand)
        body = f"{subject} has a {rng.choice([4800, 5000])}mAh battery, an upgrade over the {other}'s {rng.choice([4000, 4500])}mAh"
    elif kind == 10:
        body = f"{subject} will not have a 200MP sensor as first thought"
    else:
        body = f"{subject} is set to arrive {rng.choice(['early next month', 'in ' + rng.choice(MONTHS) + ' this year', 'later this year'])}"
    cue = rng.choice(CUES[rng.choice(list(CUES))]).format(brand=brand)
    sentence = (
        f"{cue} {body[0].lower() + body[1:] if cue and body.startswith('It') else body}."
        if cue
        else f"{body}."
    )
    return sentence[0].upper() + sentence[1:]


def spec_paragraph(rng: random.Random, brand: str, device: str) -> str:
    """One to three spec sentences about the device, by name or by reference, among filler prose."""
    sentences = [
        spec_sentence(rng, brand, rng.choice([f"The {device}", "The phone", "It", "The handset"]))
        for _ in range(rng.randint(1, 3))
    ]
    sentences += rng.sample(FILLER, rng.randint(0, 2))
    rng.shuffle(sentences)
    return " ".join(sentences)


# Room left for the closing parts (spec list, price line, last filler) when an article is grown
# to a length: about what they take on average.
_CLOSING_ROOM = 200


def make_article(rng: random.Random, index: int, length: int = 0) -> str:
    """An article; with `length`, spec paragraphs are added until the body is about that long
    (the articles of the golden test use none, and stay as they were)."""
    brand = rng.choice(list(BRANDS))
    device = model_name(rng, brand)
    published = f"20{rng.randint(21, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    paragraphs = [f"{brand} is preparing the {device}, and new details have surfaced this week."]
    for _ in range(rng.randint(2, 4)):
        paragraphs.append(spec_paragraph(rng, brand, device))
    while sum(len(p) + 2 for p in paragraphs) < length - _CLOSING_ROOM:
        paragraphs.append(spec_paragraph(rng, brand, device))
    if rng.random() < 0.4:
        paragraphs.append(
            "Key specifications:\n"
            + "\n".join(
                f"- {line}"
                for line in rng.sample(
                    [
                        f"{rng.choice(['6.1', '6.7'])}-inch OLED display",
                        f"{rng.choice(CHIPS)}",
                        f"{rng.choice([8, 12])}/{rng.choice([128, 256])}GB",
                        f"{rng.choice([4500, 5000])}mAh battery",
                        f"{rng.choice([50, 200])}MP main camera",
                        f"Android {rng.choice([13, 14])}",
                    ],
                    4,
                )
            )
        )
    if rng.random() < 0.3:
        paragraphs.append(
            f"Prices: 8GB + 256GB: CNY {rng.randint(3, 6)},999; 12GB + 512GB: CNY {rng.randint(6, 8)},499."
        )
    paragraphs.append(rng.choice(FILLER))
    header = f"url: https://news.example/{index}\ndate: {published}\ntitle: {device} news\n\n"
    if rng.random() < 0.1:
        header = ""
        paragraphs.append(f"— {brand} (@{brand}) {rng.choice(MONTHS)} {rng.randint(1, 28)}, 2023")
    return header + "\n\n".join(paragraphs)


def generated_texts(count: int, seed: int, length: int = 0) -> list[str]:
    """`count` article texts from a random generator seeded with `seed`; with `length`, bodies of
    about that many characters (real articles run to about 2,000)."""
    rng = random.Random(seed)
    return [make_article(rng, i, length) for i in range(count)]
