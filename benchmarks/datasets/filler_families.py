"""The universe of candidate filler items for the LIMIT reconstruction, written for
limitbench (nothing is taken from the LIMIT release).

LIMIT's liked things come in families that share words: compound nouns with a common head
("... Trees", "... Tea", "... Video Games") or modifier ("Hot ...", "Black ..."), a few
phrases with function words ("the <city> <team>", "The ... of ..."), and many single words
(Weller et al. 2025, arXiv 2508.21038, section 5.1; google-deepmind/limit,
``code/generate_limit_dataset.ipynb``). Word overlap between queried and non-queried items
comes from that structure, so the candidates here are built the same way from this
project's own words:

* every item of :func:`limitbench.benchmarks.datasets.vocabulary.likeable_things`;
* more single words (:data:`_SINGLE`);
* modifier x head compositions, one group per domain (:data:`_COMPOSITIONS`);
* phrases with function words from frames (:data:`_FRAMES`).

:mod:`.filler_pool` picks the ~850 items of the pool from these candidates.
"""

from __future__ import annotations

from functools import lru_cache

from .vocabulary import likeable_things

__all__ = ["filler_candidates"]

_SINGLE = """
Accountants Acrobats Alchemy Almanacs Amethysts Anagrams Anchovies Antiques Aquariums Arcades Atlases Auctions
Auroras Avalanches Backgammon Bakeries Balconies Ballads Balloons Bandanas Banquets Barnacles Bazaars Beanbags
Bellhops Biscuits Blizzards Blueprints Bobsledding Bonfires Bookmarks Bouquets Bracelets Bridges Brooches Buffets
Burlap Cabins Cactus Calendars Campfires Canals Candlelight Cardigans Carnivals Cartwheels Casseroles Cathedrals
Cellars Ceramics Charcoal Chimneys Chowder Cinemas Clockwork Cobblestones Comedians Concerts Confetti Constellations
Cookbooks Cottages Courtyards Crayons Crosswords Cupcakes Curtains Daydreams Detectives Dewdrops Diners Diaries
Dioramas Dragons Drawbridges Driftwood Earmuffs Eclipses Elevators Encyclopedias Espresso Fairgrounds Ferries
Festivals Fireworks Flannel Flashlights Folktales Fossils Fudge Galaxies Gargoyles Gazebos Glaciers Gondolas
Gramophones Greenhouses Griddles Hammers Harbors Harvests Hayrides Helicopters Hiccups Horizons Icicles Igloos
Inkblots Jukeboxes Kaleidoscopes Kettles Knapsacks Labyrinths Lagoons Lanterns Libraries Limericks Lullabies
Magnets Mailboxes Manuscripts Marionettes Marshmallows Meadows Melodies Meteorites Minstrels Monorails Moonlight
Mosaics Museums Nebulas Notebooks Novellas Oases Orchestras Paddleboats Pagodas Palettes Parades Parasols
Pendulums Pinwheels Planetariums Podcasts Porches Postcards Puddles Puppets Quartets Quills Railways Raincoats
Recipes Riddles Ribbons Rooftops Sandcastles Satchels Seashells Serenades Silhouettes Skylights Sleighs Snowflakes
Sonnets Spaceflight Spices Stables Staircases Statues Stopwatches Sunbeams Sunhats Tapestries Teacups Terrariums
Thunderstorms Tiaras Toboggans Tortoises Tramways Trellises Tricycles Trolleys Tugboats Tunnels Twilight Vineyards
Violas Voyages Wagons Walkways Wildflowers Windchimes Woodcuts Workshops Wreaths Yachts Yodeling
Bravery Calm Candor Charm Cheerfulness Comfort Diligence Dignity Elegance Fairness Freedom Gentleness Harmony
Honour Idleness Joy Justice Laughter Leisure Liberty Modesty Mystery Peace Politeness Punctuality Quietness
Simplicity Sincerity Stillness Thrift Tidiness Tranquility Trust Unity Warmth Whimsy Wit Zeal
"""

# (modifiers, heads): every modifier with every head of its group
_COMPOSITIONS: tuple[tuple[str, str], ...] = (
    ("Black Green White Iced Spiced Mint Ginger Jasmine Chamomile Herbal Smoky Honey Lemon Peach Barley Rooibos", "Tea"),
    ("Iced Hot Black Turkish Irish Vanilla Caramel Hazelnut Mocha Decaf Filter", "Coffee|Lattes"),
    ("Apple Cherry Peach Mango Grape Orange Pear Cranberry Pineapple Lemon Lime Berry Coconut Tomato Carrot "
     "Watermelon Pomegranate Guava Plum Apricot", "Juice|Smoothies|Jam|Sorbet|Candies|Cobblers|Popsicles"),
    ("Hot", "Cocoa|Cider|Sauce|Wings|Tubs|Pot|Soup|Toddies|Yoga|Pretzels|Biscuits|Peppers"),
    ("Dark Milk White Mint Orange Hazelnut Salted Bitter", "Chocolate|Fudge|Truffles"),
    ("Chocolate", "Cake|Cookies|Mousse|Chips|Bars|Pudding|Croissants|Sauce|Milk|Eclairs"),
    ("Banana Pumpkin Zucchini Corn Rye Sourdough Garlic Cinnamon Raisin Honey Oat Potato Walnut Lemon Carrot "
     "Blueberry Olive Cheese Onion Seed", "Bread|Muffins|Rolls|Cakes|Cookies|Scones|Loaves|Pancakes|Waffles|Crackers"),
    ("Chicken Beef Pork Lamb Tofu Shrimp Mushroom Lentil Bean Tomato Potato Onion Pea Noodle Vegetable Fish "
     "Corn Cabbage Turkey Duck Salmon Crab", "Soup|Stew|Pies|Salad|Curry|Tacos|Sandwiches|Burgers|Dumplings|Skewers|"
     "Casserole|Fritters|Pasta|Pizza"),
    ("Garlic Tomato Cheese Mushroom Pepper Peanut Mustard Barbecue Chili Honey Mint Lemon Cream Butter Herb "
     "Yogurt Sesame Soy", "Sauce|Dip|Dressing|Gravy|Glaze"),
    ("Goat Sheep Smoked Aged Cream Swiss Blue String Cottage Farm Soft Hard", "Cheese"),
    ("Brown White Wild Fried Sticky Black Red Yellow Green Sweet Spicy Roasted Stuffed Pickled Baked Grilled "
     "Mashed Steamed", "Rice|Beans|Peppers|Onions|Potatoes|Lentils|Olives|Cabbage|Mushrooms|Carrots|Beets"),
    ("Apple Pecan Lemon Cherry Pumpkin Coconut Banana Strawberry Rhubarb Blackberry Peach Custard Cream",
     "Pie|Tarts|Pudding|Ice Cream|Cake|Crumble"),
    ("Oak Maple Pine Birch Cedar Willow Elm Ash Beech Cherry Apple Olive Palm Fig Lemon Walnut Chestnut Spruce Fir "
     "Larch Hazel Alder Poplar Cypress Juniper Magnolia Banyan Baobab Redwood Sycamore Hawthorn Rowan Yew Eucalyptus "
     "Acacia Mango Plum Pear Peach Orange Almond Cork", "Trees"),
    ("Oak Maple Pine Birch Cedar Willow Bamboo Olive Palm", "Forests|Groves|Leaves|Wood"),
    ("Wild Desert Alpine Water Mountain Meadow Spring Winter Summer Paper Dried Tropical", "Flowers|Lilies|Roses|Orchids|"
     "Daisies|Violets|Ferns"),
    ("Red Grey Arctic Desert Snow Sea River Forest Giant Pygmy Golden Spotted Striped Black Brown Polar Mountain "
     "Tree Water Wild Cave Marsh Prairie", "Foxes|Wolves|Bears|Owls|Frogs|Snakes|Lizards|Turtles|Crabs|Beetles|Moths|"
     "Butterflies|Bats|Hawks|Eagles|Cats|Goats|Rabbits|Squirrels|Deer|Otters|Sharks|Whales|Ants|Bees|Spiders|Geckos"),
    ("Mountain Desert Coastal Alpine Volcanic Frozen Sandy Rocky Hidden Misty Northern Tropical Salt Crater Glacier",
     "Lakes|Rivers|Caves|Beaches|Valleys|Islands|Trails|Meadows|Canyons|Waterfalls|Springs|Lagoons|Dunes|Cliffs"),
    ("Summer Winter Spring Autumn Morning Evening Midnight Desert Ocean Mountain Tropical", "Rain|Storms|Sunsets|"
     "Sunrises|Breezes|Fog|Snow|Skies|Stars|Clouds|Winds"),
    ("Ice Field Beach Table Water Street Roller Indoor Night Trail Mountain Road Snow Sand Speed Track Desert Cave",
     "Hockey|Volleyball|Tennis|Soccer|Polo|Skating|Running|Cycling|Biking|Skiing|Climbing|Swimming|Surfing|Golf|"
     "Racing|Hiking|Sledding|Diving"),
    ("Swing Tap Ballroom Line Square Folk Street Belly Irish Latin Modern Contemporary Barn Flamenco", "Dancing"),
    ("Oil Watercolor Acrylic Finger Glass Sand Ice Wood Stone Clay Mural Portrait Landscape Street Digital Nature "
     "Wildlife Food Night Travel Fashion Sports Underwater Aerial Chalk Charcoal Ink",
     "Painting|Photography|Sculpture|Carving|Art|Sketching|Drawing"),
    ("Candle Soap Basket Jewelry Rug Paper Card Model Kite Furniture Quilt Cheese Bread Wine Beer Jam Pasta Perfume "
     "Doll Rope Hat Mask Lamp", "Making"),
    ("Board Card Video Word Party Dice Puzzle Strategy Racing Trivia Arcade Lawn Pub Retro Online Memory Drinking",
     "Games"),
    ("Action Adventure Puzzle Racing Sports Strategy Horror Farming Fighting Rhythm Stealth Survival Platform "
     "Building Cooking", "Video Games"),
    ("Jazz Folk Rock Pop Country Soul Blues Gospel Classical Electronic Ambient Indie Punk Metal Reggae Swing Choral "
     "Chamber Piano Guitar Organ Film Dance Lounge Surf Latin Celtic Cajun Bluegrass Disco House Funk Brass Harp",
     "Music|Concerts|Bands|Songs|Records|Festivals"),
    ("Action Adventure Comedy Crime Detective Fantasy Horror Mystery Romance Spy War Western Historical Sports "
     "Family Teen Disaster Heist Courtroom Space Pirate Monster Ghost Buddy Road",
     "Movies|Novels|Films|Comics|Podcasts|Shows|Stories|Literature|Plays|Dramas"),
    ("Marine Space Soil Food Plant Animal Computer Political Social Earth Data Sports Environmental Urban Medical "
     "Forensic Veterinary Nuclear Climate Materials Ocean Brain Rocket",
     "Science|Engineering|Studies|Biology|Chemistry|Law|History|Design|Medicine|Research|Physics"),
    ("Bronze Iron Stone Ice Golden Space Jazz Atomic Machine Steam Information Viking Silver Heroic Romantic "
     "Colonial Digital Baroque Computer Disco", "Age|Era"),
    ("French Italian Greek Spanish Mexican Chinese Japanese Korean Thai Indian Irish Scottish Swiss German Dutch "
     "Polish Russian Turkish Brazilian Peruvian Cuban Moroccan Egyptian Welsh Danish Nordic",
     "Cooking|Cuisine|Music|Films|Poetry|Architecture|Folk Tales|Cheese|Pastries|Gardens|Opera|History"),
    ("Coffee Dining Kitchen Garden Patio Picnic Bedside Card Writing Work Folding Rocking Camping Beach Office",
     "Tables|Chairs|Lamps|Benches|Umbrellas|Blankets|Mugs|Shelves"),
    ("Wool Silk Cotton Linen Leather Denim Flannel Rain Winter Summer Baseball Bucket Straw Cowboy Running Hiking "
     "Snow Dress Knitted Velvet Fur", "Hats|Scarves|Shirts|Jackets|Boots|Gloves|Socks|Sweaters|Coats|Shoes|Caps|Vests"),
    ("Garden Power Hand Kitchen Camping Fishing Sewing Drawing Measuring Carpentry Pocket Hunting",
     "Tools|Gadgets|Knives|Kits"),
    ("Steam Electric Vintage Racing Toy Model Sports Cable Fishing Sail Motor Paddle Row Jet House Canal Night "
     "Freight Sleeper", "Trains|Cars|Boats|Bikes|Planes|Ships|Buses|Trucks"),
    ("Black White Red Neutron Dwarf Shooting Binary Variable Double Morning Evening North Falling Gas Ice",
     "Stars|Holes|Giants|Planets|Moons"),
    ("Rose Smoky Milky Clear Blue Green Pink Black Star Fire Moss", "Quartz|Agate|Opals|Jasper|Sapphires|Garnets"),
)

# frames with function words: (pattern, fillers); "{}" is replaced by each filler
_FRAMES: tuple[tuple[str, str], ...] = (
    ("The Art of {}", "Baking|Brewing|Gardening|Letter Writing|Conversation|Storytelling|Fencing|Bonsai|Flower "
     "Pressing|Bookbinding|Whistling|Juggling|Packing|Napping|Beekeeping"),
    ("The History of {}", "Jazz|Flight|Medicine|Maps|Chess|Clocks|Money|Tea|Bread|Printing|Sailing|Salt|Glass|"
     "Coffee|Cheese|Chocolate|Spices|Rome|Trains"),
    ("Legends of the {}", "Sea|North|West|Desert|Forest|Mountains|Moon|Deep|Plains"),
    ("Songs of the {}", "Sea|Road|Rain|Hills|Sailors|Harvest|Night"),
    ("{} in the Rain", "Walks|Dancing|Reading|Picnics|Singing|Football"),
    ("{} in the Park", "Picnics|Concerts|Walks|Chess|Kites|Yoga|Theatre"),
    ("Camping in the {}", "Woods|Desert|Snow|Mountains|Backyard"),
    ("the {} Comets", "Portland|Denver|Boise|Tulsa|Omaha|Raleigh|Tacoma|Reno|Fresno|Spokane|Savannah|Memphis"),
    ("the {} Herons", "Albany|Austin|Dayton|Akron|Toledo|Lansing|Wichita|Madison|Eugene|Durham|Norfolk|Trenton"),
    ("the {} Stallions", "Portland|Tulsa|Reno|Memphis|Albany|Dayton|Toledo|Wichita|Durham|Salem|Provo|Laredo"),
    ("the {} Otters", "Boise|Omaha|Tacoma|Fresno|Savannah|Austin|Akron|Lansing|Madison|Norfolk|Salem|Provo"),
    ("{} and Cream", "Cookies|Peaches|Strawberries|Scones|Berries|Coffee"),
    ("{} and Beans", "Rice|Franks|Toast|Cornbread"),
    ("Bread and {}", "Butter|Jam|Honey|Soup|Olives"),
    ("Tea with {}", "Lemon|Honey|Milk|Friends|Biscuits"),
    ("A Good {}", "Book|Nap|Laugh|Cup of Coffee|Night's Sleep|Mystery|Argument"),
)


def _compositions() -> list[str]:
    items = []
    for modifiers, heads in _COMPOSITIONS:
        for head in heads.split("|"):
            items += [f"{modifier} {head}" for modifier in modifiers.split()]
    return items


def _framed() -> list[str]:
    return [pattern.format(filler) for pattern, fillers in _FRAMES for filler in fillers.split("|")]


@lru_cache(maxsize=1)
def filler_candidates() -> tuple[str, ...]:
    """Every candidate filler item, distinct (case-insensitively), in a fixed order."""
    items = list(likeable_things()) + _SINGLE.split() + _compositions() + _framed()
    seen: set[str] = set()
    unique = []
    for item in items:
        key = " ".join(item.lower().split())
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return tuple(unique)
