"""limitbench's own vocabulary of likeable things and its own people names.

Written for this project (nothing is taken from the LIMIT release): a few hundred
plain items in everyday categories, plus compositional ones ("Antique Clocks",
"Moroccan Stews") so the vocabulary is large enough (> 2,000 distinct items) for
LIMIT-style corpora with 1,000 query attributes and tens of thousands of distractors.
Names are built from syllables, so any number of distinct names can be drawn.
"""

from __future__ import annotations

import random
from functools import lru_cache

__all__ = ["likeable_things", "person_names"]

_PLAIN = {
    "animals": """Aardvarks Albatrosses Alpacas Anteaters Armadillos Axolotls Badgers Barn Owls Beavers Beluga Whales
        Bison Blue Jays Bobcats Bonobos Bumblebees Butterflies Camels Capybaras Cardinals Chameleons Cheetahs Chinchillas
        Chipmunks Cockatoos Condors Corgis Cougars Coyotes Crabs Cranes Crocodiles Dachshunds Dingoes Dolphins Donkeys
        Dragonflies Ducks Eagles Echidnas Eels Elephants Elk Emus Falcons Ferrets Fireflies Flamingos Foxes Frogs
        Gazelles Geckos Gerbils Gibbons Giraffes Goats Gorillas Hamsters Hedgehogs Herons Hippos Honeybees Hummingbirds
        Hyenas Ibises Iguanas Impalas Jackals Jaguars Jellyfish Kangaroos Kingfishers Kiwis Koalas Komodo Dragons Lemurs
        Leopards Llamas Lobsters Lynxes Macaws Manatees Meerkats Moles Mongooses Moose Narwhals Newts Ocelots Octopuses
        Opossums Orangutans Orcas Ospreys Ostriches Otters Pandas Panthers Peacocks Pelicans Penguins Pigeons Platypuses
        Porcupines Puffins Pumas Rabbits Raccoons Ravens Red Pandas Reindeer Rhinos Salamanders Sea Horses Sea Lions
        Seals Sharks Sloths Snails Sparrows Squirrels Starfish Stingrays Storks Swans Tarantulas Tigers Toucans Turtles
        Walruses Warthogs Weasels Wolverines Wolves Wombats Woodpeckers Yaks Zebras""",
    "foods": """Almonds Apricots Artichokes Asparagus Avocados Bagels Baguettes Bananas Basil Beets Blackberries Blueberries
        Broccoli Brownies Brussels Sprouts Burritos Butternut Squash Cabbage Cantaloupe Caramel Carrots Cashews Cauliflower
        Celery Cheesecake Cherries Chickpeas Chili Peppers Cinnamon Clementines Coconuts Cornbread Cranberries Croissants
        Cucumbers Cupcakes Dates Donuts Dumplings Eggplants Falafel Figs Garlic Ginger Gnocchi Grapefruit Guacamole Hazelnuts
        Honeydew Hummus Jalapenos Kale Kimchi Kiwifruit Lasagna Leeks Lemons Lentils Lychees Macadamia Nuts Mangoes
        Maple Syrup Marzipan Meatballs Mushrooms Nectarines Nutmeg Oatmeal Olives Omelettes Onions Oranges Oysters Pancakes
        Papayas Paprika Parsnips Peaches Peanuts Pears Pecans Pesto Pickles Pineapples Pistachios Plums Pomegranates
        Popcorn Potatoes Pretzels Pumpkins Quinoa Radishes Raspberries Ravioli Rhubarb Risotto Saffron Salmon Sardines
        Scallops Sourdough Soybeans Strawberries Sushi Sweet Potatoes Tacos Tangerines Tofu Tomatoes Tortillas Truffles
        Turmeric Turnips Vanilla Waffles Walnuts Wasabi Watermelons Yogurt Zucchini""",
    "activities": """Archery Astronomy Backpacking Badminton Baking Ballet Basketball Beekeeping Birdwatching Blacksmithing
        Bookbinding Bouldering Bowling Calligraphy Camping Canoeing Carpentry Chess Cycling Dominoes Embroidery Fencing
        Fishing Foraging Gardening Geocaching Glassblowing Golf Gymnastics Hiking Ice Skating Jigsaw Puzzles Journaling
        Juggling Kayaking Kite Flying Knitting Lacrosse Leathercraft Macrame Magic Tricks Marathons Meditation Metal Detecting
        Model Trains Mountaineering Origami Painting Paragliding Parkour Photography Pilates Poetry Pottery Quilting
        Rock Climbing Rowing Rugby Sailing Salsa Dancing Sculpting Sewing Skateboarding Skiing Skydiving Snorkeling
        Snowboarding Soap Making Stargazing Sudoku Surfing Swimming Table Tennis Tai Chi Tango Tennis Trail Running
        Volleyball Wakeboarding Weaving Whittling Windsurfing Woodworking Wrestling Yoga""",
    "music": """Accordions Banjos Bagpipes Baroque Music Bluegrass Blues Bongos Cellos Clarinets Country Music Cymbals
        Didgeridoos Drum Machines Dubstep Electric Guitars Flamenco Flutes Folk Music French Horns Funk Gospel Harmonicas
        Harps Harpsichords Heavy Metal Jazz Kazoos Lutes Mandolins Marimbas Oboes Opera Organs Pianos Piccolos Punk Rock
        Reggae Saxophones Sitars Ska Soul Music Synthesizers Techno Trombones Trumpets Tubas Ukuleles Vibraphones Violins
        Xylophones Zithers""",
    "plants": """Aloe Vera Azaleas Bamboo Begonias Bonsai Trees Cacti Camellias Carnations Cedar Trees Chrysanthemums Clovers
        Cypress Trees Daffodils Dahlias Dandelions Ferns Foxgloves Gardenias Geraniums Hibiscus Hollyhocks Irises Ivy
        Jasmine Lavender Lilacs Lilies Lotus Flowers Magnolias Maple Trees Marigolds Mosses Oak Trees Orchids Palm Trees
        Peonies Petunias Pine Trees Poppies Redwoods Rosemary Roses Sequoias Snapdragons Sunflowers Thyme Tulips Violets
        Water Lilies Weeping Willows Wisteria Zinnias""",
    "places": """Archipelagos Beaches Canyons Castles Caves Cliffs Coral Reefs Deltas Deserts Fjords Forests Geysers
        Harbors Hot Springs Islands Jungles Lagoons Lakes Lighthouses Marshes Meadows Mesas Monasteries Mountains Oases
        Observatories Orchards Pagodas Plateaus Prairies Rainforests Rivers Ruins Savannas Swamps Temples Tundras
        Valleys Vineyards Volcanoes Waterfalls Windmills""",
    "things": """Abacuses Anchors Barometers Bicycles Binoculars Boomerangs Candles Carousels Chandeliers Compasses Crossword
        Clues Diamonds Emeralds Fountains Gemstones Hammocks Hot Air Balloons Hourglasses Kaleidoscopes Lanterns Marbles
        Microscopes Motorcycles Opals Pearls Pinball Machines Quartz Crystals Rubik Cubes Sailboats Sand Castles Scooters
        Skyscrapers Snow Globes Spaceships Steam Engines Submarines Sundials Telescopes Tractors Trains Trampolines Treehouses
        Typewriters Umbrellas Vinyl Records Zeppelins""",
    "topics": """Algebra Anthropology Archaeology Architecture Botany Cartoons Chemistry Comic Books Cryptography Dinosaurs
        Documentaries Economics Entomology Folklore Genealogy Geology Geometry Haiku Heraldry Linguistics Meteorology
        Mythology Neuroscience Oceanography Paleontology Philosophy Physics Podcasts Robotics Science Fiction Sitcoms
        Sociology Statistics Theater Thermodynamics Trivia Volcanology Zoology""",
}

# The category blobs above are split on whitespace; these multi-word items are kept whole.
_MULTI_WORD = {
    "Barn Owls", "Beluga Whales", "Blue Jays", "Komodo Dragons", "Red Pandas", "Sea Horses", "Sea Lions",
    "Brussels Sprouts", "Butternut Squash", "Chili Peppers", "Macadamia Nuts", "Maple Syrup", "Sweet Potatoes",
    "Ice Skating", "Jigsaw Puzzles", "Kite Flying", "Magic Tricks", "Metal Detecting", "Model Trains", "Rock Climbing",
    "Salsa Dancing", "Soap Making", "Table Tennis", "Tai Chi", "Trail Running", "Baroque Music", "Country Music",
    "Drum Machines", "Electric Guitars", "Folk Music", "French Horns", "Heavy Metal", "Punk Rock", "Soul Music",
    "Aloe Vera", "Bonsai Trees", "Cedar Trees", "Cypress Trees", "Lotus Flowers", "Maple Trees", "Oak Trees",
    "Palm Trees", "Pine Trees", "Water Lilies", "Weeping Willows", "Coral Reefs", "Hot Springs", "Crossword Clues",
    "Hot Air Balloons", "Pinball Machines", "Quartz Crystals", "Rubik Cubes", "Sand Castles", "Snow Globes",
    "Steam Engines", "Vinyl Records", "Comic Books", "Science Fiction",
}

_CRAFT_STYLES = [
    "Antique", "Vintage", "Handmade", "Miniature", "Wooden", "Glass", "Ceramic", "Brass", "Copper", "Porcelain",
    "Leather", "Embroidered", "Painted", "Carved", "Hand-Blown", "Japanese", "Venetian", "Victorian", "Art Deco", "Rustic",
]
_COLLECTIBLES = [
    "Clocks", "Lamps", "Maps", "Globes", "Postcards", "Stamps", "Kites", "Masks", "Quilts", "Teapots", "Fountain Pens",
    "Music Boxes", "Chess Sets", "Jewelry Boxes", "Mirrors", "Vases", "Bowls", "Figurines", "Coins", "Buttons", "Dolls",
    "Keys", "Spoons", "Bells", "Tiles", "Frames", "Lockets", "Rugs", "Tapestries", "Scrolls", "Fans", "Picture Books",
    "Toy Soldiers", "Cameras", "Radios", "Bookends", "Candlesticks", "Door Knockers", "Inkwells", "Snuff Boxes",
]
_CUISINES = [
    "Moroccan", "Thai", "Korean", "Peruvian", "Ethiopian", "Georgian", "Lebanese", "Vietnamese", "Mexican", "Greek",
    "Turkish", "Indonesian", "Nepalese", "Hungarian", "Brazilian", "Filipino", "Sicilian", "Persian", "Jamaican",
    "Scandinavian", "Malaysian", "Cajun",
]
_DISHES = [
    "Stews", "Curries", "Noodle Soups", "Flatbreads", "Dumplings", "Pastries", "Salads", "Street Food", "Breakfasts",
    "Desserts", "Pickles", "Barbecue", "Rice Dishes", "Sandwiches", "Spice Blends", "Teas", "Cheeses", "Breads",
    "Sauces", "Seafood Dishes",
]
_SETTINGS = ["Winter", "Summer", "Night", "Indoor", "Competitive", "Amateur", "Urban", "Weekend"]

def _split_items(blob: str) -> list[str]:
    words = blob.split()
    items: list[str] = []
    index = 0
    while index < len(words):
        for span in (4, 3, 2):
            candidate = " ".join(words[index : index + span])
            if candidate in _MULTI_WORD:
                items.append(candidate)
                index += span
                break
        else:
            items.append(words[index])
            index += 1
    return items


@lru_cache(maxsize=1)
def likeable_things() -> tuple[str, ...]:
    """Every distinct likeable thing, in a fixed order (callers shuffle with their seed)."""
    items: list[str] = []
    for blob in _PLAIN.values():
        items.extend(_split_items(blob))
    activities = _split_items(_PLAIN["activities"])
    items += [f"{style} {thing}" for thing in _COLLECTIBLES for style in _CRAFT_STYLES]
    items += [f"{cuisine} {dish}" for dish in _DISHES for cuisine in _CUISINES]
    items += [f"{setting} {activity}" for activity in activities for setting in _SETTINGS]
    seen: set[str] = set()
    unique = []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            unique.append(item)
    return tuple(unique)


_ONSETS = "b c d f g h j k l m n p r s t v w z br dr st".split()
_VOWELS = "a e i o u a e i o".split()
_CODAS = ["", "", "", "", "n", "r", "l", "s"]
_SURNAME_ENDINGS = ["son", "ley", "ton", "wick", "ford", "berg", "ridge", "well", "man", "dale", "ski", "ez"]


def _syllable(rng: random.Random) -> str:
    return rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)


def person_names(count: int, *, seed: int, exclude: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """``count`` distinct "First Last" names, deterministic for ``seed``."""
    rng = random.Random(f"names-{seed}")
    names: list[str] = []
    seen = {name.lower() for name in exclude}
    while len(names) < count:
        stem = "".join(_syllable(rng) for _ in range(2))
        ending = "" if stem[-1] in "aeiou" else rng.choice(("a", "o", "e", "ie", ""))
        first = (stem + ending).capitalize()
        last = ("".join(_syllable(rng) for _ in range(rng.choice((1, 2)))) + rng.choice(_SURNAME_ENDINGS)).capitalize()
        name = f"{first} {last}"
        if name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names
