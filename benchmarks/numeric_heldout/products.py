"""Product listings in eight categories, as shops and review sites write them.

Every product of a category shares the category's vocabulary (intro phrases, attribute
sentences, distractors), so the category words alone never single out an answer.
Distractors are numbers that are not the attribute a query asks about: shipping times,
warranties, model numbers, standards versions, counts, founding years, order codes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from . import surface
from .names import NameBook
from .records import Attribute, Record, compose, fill, pick
from .statements import price, rating5, rating10, released, simple, weight
from .versions import version_attribute

__all__ = ["CATEGORIES", "ProductCategory", "build_product"]

Distractor = Callable[[random.Random, dict], str]


@dataclass(frozen=True)
class ProductCategory:
    name: str  # plural, as queries name it
    noun: str  # singular head noun for "this <noun>"
    intros: tuple[str, ...]
    kinds: tuple[str, ...]  # descriptive phrases that contain the category word
    suffixes: tuple[str, ...]
    attributes: tuple[Attribute, ...]
    distractors: tuple[Distractor, ...]
    os_names: int = 0  # phones: how many operating systems the corpus invents


# ---------------------------------------------------------------- shared distractors

def _warranty(rng: random.Random, ctx: dict) -> str:
    years = rng.choice([1, 2, 2, 3, 5])
    return pick(rng, [
        f"Covered by a {years}-year warranty.", f"{years}-year manufacturer warranty included.",
        f"Warranty: {years} years.", f"Backed by {surface.words(years)} years of warranty cover.",
        f"Comes with a {years} year limited warranty.",
    ])


def _shipping(rng: random.Random, ctx: dict) -> str:
    days = rng.randint(1, 14)
    return pick(rng, [
        f"Ships within {days} days.", f"Usually dispatched in {days} business days.", f"Delivery in {days}-{days + 3} days.",
        f"Order today and it ships in {days} days.", f"Free returns within {rng.choice([14, 30, 60])} days.",
        f"Free shipping on orders over ${rng.choice([25, 35, 50, 99])}.",
    ])


def _order_code(rng: random.Random, ctx: dict) -> str:
    return pick(rng, [
        f"SKU {rng.randint(10000, 99999)}-{rng.randint(10, 99)}.", f"Order code: {rng.randint(100000, 999999)}.",
        f"Item no. {rng.randint(1000, 9999)}{rng.choice('ABCDEFGH')}.", f"Part number {rng.randint(100, 999)}-{rng.randint(1000, 9999)}.",
        f"Questions? Call 1-800-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}.",
    ])


def _founded(rng: random.Random, ctx: dict) -> str:
    year = rng.randint(1948, 2016)
    return pick(rng, [
        f"{ctx['brand']} has been building {ctx['category']} since {year}.", f"{ctx['brand']} was founded in {year}.",
        f"From {ctx['brand']}, in business since {year}.", f"{ctx['brand']} (est. {year}) designs it in-house.",
    ])


def _stock(rng: random.Random, ctx: dict) -> str:
    return pick(rng, [
        f"Only {rng.randint(2, 9)} left in stock.", f"{rng.randint(3, 12)} colours available.",
        f"Sold {rng.randint(2, 60):,},000 units last year.", f"{rng.randint(2, 6)} colour options.",
        f"In stock at {rng.randint(3, 40)} stores.",
    ])


COMMON = (_warranty, _shipping, _order_code, _founded, _stock)


def _bluetooth(rng: random.Random, ctx: dict) -> str:
    version = rng.choice(["5.0", "5.1", "5.2", "5.3", "5.4"])
    return pick(rng, [f"Bluetooth {version}.", f"Connects over Bluetooth {version}.", f"Uses Bluetooth {version} with multipoint for {rng.randint(2, 3)} devices."])


def _ports(rng: random.Random, ctx: dict) -> str:
    return pick(rng, [
        f"{rng.randint(2, 4)} USB-C ports, USB {rng.choice(['3.2', '3.1', '4'])}.", f"Wi-Fi {rng.choice(['6', '6E', '7'])} and Bluetooth {rng.choice(['5.2', '5.3', '5.4'])}.",
        f"Thunderbolt {rng.choice([4, 5])}, HDMI {rng.choice(['2.0', '2.1'])}.", f"{rng.randint(1, 3)} HDMI {rng.choice(['2.0', '2.1'])} inputs.",
    ])


# ---------------------------------------------------------------- the eight categories

INTROS = (
    "The {name} is {a_kind} from {brand}.", "{brand}'s {model}: {a_kind}.", "Meet the {name}, {a_kind} by {brand}.",
    "{name} — {a_kind}.", "{brand} {model}, {a_kind}.", "{a_kind} from {brand}: the {name}.",
)

def _battery_hours(choices: list[int]) -> Callable[[random.Random], int]:
    return lambda rng: rng.choice(choices)


HEADPHONES = ProductCategory(
    name="headphones", noun="pair",
    intros=(
        "The {name} is a pair of {kind} from {brand}.", "{brand}'s {model}: {kind}.", "Meet the {name}, {kind} by {brand}.",
        "{name} — {kind}.", "The {name} are {kind} made by {brand}.", "{brand} {model} {kind}.",
    ),
    kinds=("wireless over-ear headphones", "noise-cancelling headphones", "on-ear Bluetooth headphones", "wireless headphones",
           "over-ear noise-cancelling headphones", "closed-back wireless headphones", "lightweight on-ear headphones"),
    suffixes=("Max", "Pro", "Lite", "ANC", "Studio", "Air"),
    attributes=(
        price(25, 600),
        rating5(),
        simple("battery", _battery_hours([16, 20, 22, 24, 25, 30, 32, 35, 38, 40, 45, 48, 50, 55, 60, 65, 70, 72, 75, 80, 96, 120]),
               surface.battery,
               ["Battery life is rated at up to {v}.", "{S} runs for up to {v} on a single charge.", "Expect up to {v} of playback.",
                "One charge lasts {v}.", "You get {v} of listening per charge.", "The battery keeps going for {v}.",
                "Rated battery life: {v}.", "{S} lasts {v} between charges."],
               ["Battery", "Battery life", "Playtime"]),
        weight(0.14, 0.42, ("g", "g", "oz")),
        released(2017, 2025),
    ),
    distractors=COMMON + (
        _bluetooth,
        lambda rng, ctx: f"{rng.choice([10, 15, 5])} minutes of charging gives {rng.choice([3, 4, 5, 6])} hours of play.",
        lambda rng, ctx: f"{rng.choice([30, 40, 45, 50])} mm drivers.",
        lambda rng, ctx: f"{rng.randint(3, 6)} noise-cancelling modes and an EQ with {rng.randint(5, 10)} bands.",
        lambda rng, ctx: f"Folds flat; the case is {rng.randint(15, 22)} cm across.",
    ),
)

LAPTOPS = ProductCategory(
    name="laptops", noun="laptop",
    intros=INTROS + ("The {name} is {brand}'s latest {kind}.",),
    kinds=("laptop", "Windows laptop", "work laptop", "laptop for students", "creator laptop", "everyday laptop",
           "2-in-1 laptop", "gaming laptop"),
    suffixes=("Pro", "Book", "Air", "X", "Ultra", "Plus"),
    attributes=(
        price(329, 3999),
        rating5(),
        simple("ram", lambda rng: rng.choices([8, 16, 24, 32, 64], [20, 40, 10, 20, 8])[0],
               lambda rng, gb: surface.storage(rng, gb),
               ["{S} has {v} of RAM.", "RAM: {v}.", "It is paired with {v} of RAM.", "{v} RAM on board.",
                "Memory is {v} of RAM, soldered.", "Configured with {v} of RAM."],
               ["RAM", "Memory (RAM)"]),
        simple("storage", lambda rng: rng.choices([256, 512, 1000, 2000, 4000], [20, 35, 30, 10, 4])[0], surface.storage,
               ["{S} ships with {v} of SSD storage.", "SSD: {v}.", "There is {v} of storage.", "{v} of NVMe storage.",
                "Storage comes in at {v}.", "The SSD holds {v}."],
               ["Storage", "SSD"]),
        simple("screen", lambda rng: rng.choice([13.3, 13.6, 14.0, 14.5, 15.3, 15.6, 16.0, 17.3, 18.0]),
               surface.screen,
               ["The display measures {v}.", "Screen size: {v}.", "{S} has a {va} screen.", "The panel is {v} across.",
                "Display: {v}, IPS.", "It comes with a {va} IPS display."],
               ["Screen", "Display"]),
        weight(0.95, 3.3, ("kg", "kg", "lb")),
        simple("clock", lambda rng: rng.choice([3.2, 3.5, 3.8, 4.0, 4.2, 4.4, 4.5, 4.6, 4.8, 5.0, 5.1, 5.4, 5.6]), surface.clock,
               ["The processor is clocked at {v}.", "CPU: {cores} cores at {v}.", "Its chip runs at {v}.", "Processor speed: {v}.",
                "{S} uses a {cores}-core CPU running at {v}."],
               ["CPU clock", "Processor"]),
        released(2016, 2025),
    ),
    distractors=COMMON + (
        _ports,
        lambda rng, ctx: f"{rng.choice([54, 60, 72, 86, 99])} Wh battery.",
        lambda rng, ctx: f"{rng.choice(['2.8K', '3K', '4K', '1080p', '2.5K'])} resolution, {rng.choice([60, 90, 120, 165])} Hz.",
        lambda rng, ctx: f"Backlit keyboard with {rng.randint(2, 4)} brightness levels.",
        lambda rng, ctx: f"Up to {rng.randint(6, 20)} hours of video playback claimed by {ctx['brand']}.",
    ),
)

PHONES = ProductCategory(
    name="phones", noun="phone",
    intros=INTROS,
    kinds=("smartphone", "unlocked smartphone", "5G smartphone", "phone", "camera phone", "dual-SIM smartphone"),
    suffixes=("Pro", "Plus", "Mini", "Ultra", "Lite", "5G"),
    attributes=(
        price(119, 1799),
        rating5(),
        simple("storage", lambda rng: rng.choices([64, 128, 256, 512, 1000], [12, 35, 33, 15, 5])[0], surface.storage,
               ["{S} comes with {v} of storage.", "Storage: {v}.", "{v} of built-in storage.", "It has {v} of internal storage.",
                "The base model carries {v} of storage."],
               ["Storage", "Internal storage"]),
        simple("screen", lambda rng: rng.choice([5.4, 5.8, 6.1, 6.2, 6.3, 6.4, 6.5, 6.6, 6.7, 6.8, 6.9]),
               surface.screen,
               ["The display is {v}.", "Screen: {v}, OLED.", "{S} has a {va} display.", "The screen measures {v} diagonally."],
               ["Screen", "Display size"]),
        released(2016, 2025),
    ),
    distractors=COMMON + (
        lambda rng, ctx: f"{rng.choice([12, 48, 50, 64, 108, 200])} MP main camera.",
        lambda rng, ctx: f"{rng.choice([3500, 4000, 4500, 5000, 5500])} mAh battery with {rng.choice([25, 33, 45, 65, 100])} W charging.",
        lambda rng, ctx: f"{rng.choice([6, 8, 12, 16])} GB RAM.",
        lambda rng, ctx: f"IP{rng.choice([54, 67, 68])} rated; Wi-Fi {rng.choice(['6', '6E', '7'])}.",
        lambda rng, ctx: f"{rng.choice([90, 120, 144])} Hz refresh rate.",
        lambda rng, ctx: f"Promises {rng.randint(3, 7)} years of OS updates.",
    ),
    os_names=2,
)

CAMERAS = ProductCategory(
    name="cameras", noun="camera",
    intros=INTROS,
    kinds=("mirrorless camera", "full-frame mirrorless camera", "compact camera", "DSLR camera", "APS-C camera",
           "travel camera", "vlogging camera"),
    suffixes=("II", "III", "Mark II", "R", "S", "Pro"),
    attributes=(
        price(249, 5999),
        rating10(),
        simple("megapixels", lambda rng: rng.choice([12.1, 16.0, 20.1, 24.2, 24.5, 26.1, 30.3, 33.0, 40.2, 45.7, 47.3, 50.1, 61.0]),
               surface.unit_forms(["{} MP", "{} megapixels", "{}MP", "{} megapixels"], ["{} MP", "{}-megapixel", "{}MP"], "MP"),
               ["The sensor resolves {v}.", "Resolution: {v}.", "{S} is built around a {va} sensor.", "It captures {va} stills."],
               ["Sensor", "Resolution"]),
        weight(0.28, 1.5, ("g", "g", "oz", "lb")),
        released(2014, 2025),
    ),
    distractors=COMMON + (
        lambda rng, ctx: f"Shoots {rng.choice(['4K', '6K', '8K'])} video at {rng.choice([30, 60, 120])} fps.",
        lambda rng, ctx: f"ISO {rng.choice([50, 100])}–{rng.choice([25600, 51200, 102400]):,}.",
        lambda rng, ctx: f"Shutter speeds up to 1/{rng.choice([4000, 8000, 16000])} s.",
        lambda rng, ctx: f"{rng.choice([5, 7, 8])}-axis in-body stabilisation.",
        lambda rng, ctx: f"{rng.randint(1, 2)} SD card slots and Bluetooth {rng.choice(['4.2', '5.0', '5.2'])}.",
        lambda rng, ctx: f"Bursts at {rng.choice([10, 15, 20, 30])} frames per second.",
    ),
)

MONITORS = ProductCategory(
    name="monitors", noun="monitor",
    intros=INTROS,
    kinds=("gaming monitor", "office monitor", "curved monitor", "4K monitor", "ultrawide monitor", "USB-C monitor",
           "professional monitor"),
    suffixes=("Pro", "G", "QD", "Curve", "HDR", "X"),
    attributes=(
        price(99, 2499),
        rating5(),
        simple("screen", lambda rng: rng.choice([21.5, 23.8, 24.0, 24.5, 27.0, 28.0, 31.5, 32.0, 34.0, 38.0, 42.5, 45.0, 49.0]),
               surface.screen,
               ["The panel is {v}.", "Screen size: {v}.", "{S} offers a {va} panel.", "It measures {v} on the diagonal.",
                "A {va} screen, matte finish."],
               ["Size", "Screen size"]),
        simple("refresh", lambda rng: rng.choice([60, 75, 100, 120, 144, 165, 170, 180, 240, 280, 360]),
               lambda rng, hz: (pick(rng, [f"{hz} Hz", f"{hz}Hz", f"{hz} Hz"]), "Hz", float(hz)),
               ["It refreshes at {v}.", "Refresh rate: {v}.", "{S} runs at up to {v}.", "The panel hits a {v} refresh rate."],
               ["Refresh rate", "Refresh"]),
        weight(2.5, 14.0, ("kg", "kg", "lb")),
        released(2015, 2025),
    ),
    distractors=COMMON + (
        _ports,
        lambda rng, ctx: f"{rng.choice(['2560×1440', '3840×2160', '1920×1080', '3440×1440', '5120×1440'])} resolution.",
        lambda rng, ctx: f"{rng.choice([0.03, 0.5, 1, 4])} ms response time.",
        lambda rng, ctx: f"{rng.choice([250, 300, 350, 400, 600, 1000])} nits peak brightness.",
        lambda rng, ctx: f"USB-C with {rng.choice([15, 65, 90, 96])} W power delivery.",
        lambda rng, ctx: f"VESA {rng.choice([75, 100])}×{rng.choice([75, 100])} mount.",
    ),
)

EBIKES = ProductCategory(
    name="e-bikes", noun="e-bike",
    intros=INTROS,
    kinds=("electric city e-bike", "e-bike for commuting", "electric mountain e-bike", "folding e-bike", "cargo e-bike",
           "electric trekking e-bike", "e-bike"),
    suffixes=("Plus", "Cargo", "Trail", "City", "Fold", "X"),
    attributes=(
        price(799, 8999),
        rating5(),
        simple("range", lambda rng: rng.choice([40, 50, 55, 60, 70, 80, 90, 100, 110, 120, 140, 150, 180]),
               lambda rng, km: surface.distance(rng, km),
               ["Range is up to {v} per charge.", "{S} goes up to {v} on a single charge.", "Range: {v}.",
                "Expect around {v} of assisted riding.", "The battery is good for up to {v}."],
               ["Range", "Max range"]),
        weight(14.0, 38.0, ("kg", "kg", "lb")),
        released(2016, 2025),
    ),
    distractors=COMMON + (
        lambda rng, ctx: f"{rng.choice([250, 500, 750])} W {rng.choice(['hub', 'mid-drive'])} motor.",
        lambda rng, ctx: f"Assistance up to {rng.choice([25, 32, 45])} km/h.",
        lambda rng, ctx: f"{rng.choice([400, 500, 625, 750])} Wh battery, charges in {rng.randint(3, 6)} hours.",
        lambda rng, ctx: f"{rng.choice([1, 7, 8, 9, 11, 12])}-speed drivetrain.",
        lambda rng, ctx: f"{rng.choice([20, 26, 27.5, 28, 29])}-inch wheels.",
        lambda rng, ctx: f"Carries riders up to {rng.choice([110, 120, 130, 150])} kg.",
    ),
)

COFFEE = ProductCategory(
    name="coffee machines", noun="machine",
    intros=INTROS,
    kinds=("espresso coffee machine", "bean-to-cup coffee machine", "coffee machine", "pod coffee machine",
           "automatic coffee machine", "compact coffee machine"),
    suffixes=("Barista", "Duo", "Plus", "Crema", "Pro"),
    attributes=(
        price(49, 2999),
        rating10(),
        simple("tank", lambda rng: rng.choice([0.6, 0.8, 1.0, 1.2, 1.4, 1.5, 1.7, 1.8, 2.0, 2.2, 2.5, 2.8]),
               surface.unit_forms(["{} L", "{} litres", "{} liters", "{1} ml"], ["{} L", "{}-litre", "{}-liter"], "L"),
               ["The water tank holds {v}.", "Water tank: {v}.", "It has a removable {va} water tank.",
                "{S} takes {v} of water."],
               ["Water tank", "Tank"]),
        simple("pressure", lambda rng: rng.choice([9, 12, 15, 15, 19, 20]),
               surface.unit_forms(["{} bar", "{} bars", "{} bar"], ["{}-bar", "{} bar"], "bar"),
               ["The pump delivers {v}.", "Pump pressure: {v}.", "It brews with a {va} pump.", "{S} uses a {va} pump."],
               ["Pump", "Pressure"]),
        weight(2.0, 12.0, ("kg", "kg", "lb")),
        released(2014, 2025),
    ),
    distractors=COMMON + (
        lambda rng, ctx: f"Heats up in {rng.choice([3, 25, 30, 40, 45, 60])} seconds.",
        lambda rng, ctx: pick(rng, ["Brews 2 cups at once.", "Makes one cup at a time.", f"Holds {rng.randint(6, 16)} capsules."]),
        lambda rng, ctx: f"{rng.choice([1150, 1350, 1450, 1500])} W heating element.",
        lambda rng, ctx: f"{rng.choice([8, 13, 15, 30])} grind settings.",
        lambda rng, ctx: f"Descale every {rng.randint(2, 4)} months.",
    ),
)

SMARTWATCHES = ProductCategory(
    name="smartwatches", noun="watch",
    intros=INTROS,
    kinds=("smartwatch", "fitness smartwatch", "GPS smartwatch", "hybrid smartwatch", "rugged smartwatch", "LTE smartwatch"),
    suffixes=("Active", "Sport", "Pro", "Classic", "S", "Fit"),
    attributes=(
        price(49, 999),
        rating5(),
        simple("battery", _battery_hours([18, 24, 30, 36, 40, 48, 72, 96, 120, 144, 168, 240, 336, 504]), surface.battery,
               ["Battery life is up to {v}.", "{S} lasts up to {v} per charge.", "One charge lasts {v}.",
                "Battery: up to {v}.", "You can expect up to {v} of battery."],
               ["Battery", "Battery life"]),
        simple("screen", lambda rng: rng.choice([1.2, 1.3, 1.4, 1.43, 1.5, 1.6, 1.75, 1.9, 2.0]),
               surface.screen,
               ["The display is {v}.", "Screen: {v}, AMOLED.", "{S} has a {va} screen."],
               ["Display", "Screen"], share=0.6),
        weight(0.025, 0.09, ("g",)),
        released(2016, 2025),
    ),
    distractors=COMMON + (
        _bluetooth,
        lambda rng, ctx: f"Water resistant to {rng.choice([5, 10])} ATM ({rng.choice([50, 100])} m).",
        lambda rng, ctx: f"Tracks {rng.choice([30, 60, 100, 120])}+ sports modes.",
        lambda rng, ctx: f"Measures heart rate every {rng.choice([1, 5, 10])} seconds.",
        lambda rng, ctx: f"{rng.choice([32, 64])} GB of music storage.",
    ),
)

CATEGORIES: tuple[ProductCategory, ...] = (
    HEADPHONES, LAPTOPS, PHONES, CAMERAS, MONITORS, EBIKES, COFFEE, SMARTWATCHES,
)


def build_product(rng: random.Random, names: NameBook, category: ProductCategory, brands: list[str],
                  os_names: list[str]) -> Record:
    brand = rng.choice(brands)
    name = names.model(brand, list(category.suffixes))
    model = name[len(brand) + 1:]
    kind = pick(rng, category.kinds)
    ctx = {
        "brand": brand, "category": category.name,
        "subjects": [name, name, "It", f"This {category.noun}", f"The {category.noun}"],
        "fields": {"cores": rng.choice([4, 6, 8, 10, 12, 14, 16])},
    }
    article = "an" if kind[0].lower() in "aeiou" and not kind.startswith("USB") else "a"
    intro = fill(pick(rng, category.intros), name=name, brand=brand, model=model, kind=kind, a_kind=f"{article} {kind}")
    record = Record("product", category.name, name)
    sentences = []
    attributes = list(category.attributes)
    if category.name in ("cameras", "smartwatches"):
        attributes.append(version_attribute(category.name, None))
    if category.name == "phones":
        attributes.append(version_attribute(category.name, rng.choice(os_names)))
    for attribute in attributes:
        if rng.random() >= attribute.share:
            continue
        sentence, fact = attribute.state(rng, attribute.draw(rng), ctx)
        record.facts[fact.attribute] = fact
        sentences.append(sentence)
    extras = [make(rng, ctx) for make in rng.sample(list(category.distractors), k=rng.randint(2, 4))]
    record.text = compose(rng, intro, sentences, extras)
    return record
