"""People names in LIMIT's form: a common first name and a common-looking surname.

LIMIT (Weller et al. 2025, arXiv 2508.21038; google-deepmind/limit,
``code/generate_limit_dataset.ipynb``) names each document's person with a first name
from a public list plus one of the 1,000 most common US surnames. limitbench ships no
such list: the first names below were written for this project, and surnames are
*built* by the rules English-language surnames grew from (Reaney & Wilson, *A
Dictionary of English Surnames*, 1991, introduction; Hanks, *Dictionary of American
Family Names*, 2003):

* occupational — the trade itself (``Baker``, ``Turner``);
* patronymic — a father's name with ``-son`` or ``-s`` (``Peterson``, ``Roberts``), or
  the Spanish ``-ez`` (``Martinez``);
* topographic — where one lived: a landscape word, alone or with a place ending
  (``Hill``, ``Brookfield``, ``Ashford``);
* descriptive — a colour or trait (``Brown``, ``Young``).

So the names read like LIMIT's ("Olinda Posso" there, "Marian Ashford" here) without
copying its lists. :func:`common_person_names` draws distinct full names for a seed.
"""

from __future__ import annotations

import random
from functools import lru_cache

__all__ = ["first_names", "surnames", "common_person_names"]

_FIRST_NAMES = """
Aaron Abigail Adam Adrian Agnes Alan Albert Alice Alicia Allison Alma Alvin Amanda Amber Amy Andre Andrea Angela
Anita Ann Anthony Arthur Ashley Audrey Barbara Barry Beatrice Benjamin Bernard Bernice Beth Betty Beverly Bianca
Bobby Bonnie Brandon Brenda Brent Brian Bridget Brooke Bruce Bryan Calvin Camille Carl Carla Carmen Carol Caroline
Carrie Casey Cecil Celia Chad Charlene Charles Charlotte Chester Chloe Christine Cindy Claire Clara Clarence Claude
Clifford Clyde Colleen Connie Constance Cora Corey Craig Crystal Curtis Cynthia Daisy Dale Dana Daniel Daphne Darla
Darnell Darren Dawn Dean Deborah Delia Dennis Derek Desiree Diana Dolores Donald Donna Doris Dorothy Douglas Duane
Dwight Earl Edgar Edith Edna Edward Edwin Eileen Elaine Eleanor Elena Elias Eliza Ella Ellen Elliot Eloise Elsie
Emil Emily Emmett Erica Erin Ernest Esther Ethan Eugene Eva Evelyn Faith Felix Fern Flora Floyd Frances Franklin
Freda Gail Garrett Gavin Gene Geneva Georgia Gerald Gilbert Gina Gladys Glen Gloria Gordon Grace Greta Gwen Hank
Harold Harriet Hazel Heath Hector Helen Henry Herbert Hilda Holly Homer Hope Howard Hugo Ian Ida Imogen Inez Irene
Iris Irma Isaac Ivan Jackie Jacob Jana Janet Janice Jared Jasmine Jason Jean Jenna Jerome Jesse Jill Joan Joel
Joyce Judith Julian Julius Karen Katrina Keith Kelvin Kendra Kent Kirk Kristen Kurt Lamar Lance Laura Lauren
Lawrence Leah Leon Leona Leroy Leslie Lillian Linda Lionel Lisa Lloyd Lois Lorena Lorraine Louise Lucille Luis
Luther Lydia Lyle Mabel Madeline Malcolm Marcia Marcus Margaret Marian Marilyn Marion Marjorie Marlon Martha Marvin
Maureen Maxine Megan Melvin Mildred Milton Miranda Miriam Mitchell Molly Monica Morris Muriel Myra Myron Nadine
Naomi Natalie Neil Nelson Nina Noel Nolan Nora Norma Norman Odessa Olive Oliver Opal Oscar Otis Pamela Patrick
Pauline Pearl Peggy Penelope Percy Phyllis Preston Priscilla Quentin Rachel Ralph Ramona Randall Raymond Reba
Regina Reginald Rhonda Rita Roberta Rochelle Rodney Roland Rosa Rosalind Roscoe Ruby Rufus Russell Ruth Sabrina
Sally Samuel Sandra Selma Seth Shane Sharon Sheila Shelby Sherman Shirley Sidney Silas Simone Sonia Stanley Stella
Stuart Sylvia Tabitha Tamara Teresa Terrence Thelma Theodore Tina Tobias Travis Trent Trudy Tyrone Ursula Valerie
Vance Vera Vernon Veronica Victor Vincent Viola Virgil Vivian Wade Wallace Walter Wanda Warren Wendell Wesley Wilma
Winifred Yolanda Yvonne Zachary Zelda
"""

# occupational surnames: a trade
_TRADES = """Archer Baker Barber Bowman Brewer Butler Carpenter Carter Chandler Cook Cooper Dyer Farmer Fisher Fletcher
Fowler Gardner Glover Hunter Mason Miller Parker Porter Potter Sawyer Shepherd Skinner Slater Smith Spencer Taylor
Thatcher Tucker Turner Walker Weaver Webster Wheeler"""
# patronymic: given-name stems taking -son and/or -s
_FATHERS_SON = "Ander Dick Elli Harri Jack John Nel Peter Richard Robert Stephen Thomp Wil Gib Hud Jeffer Wat Dob Nichol"
_FATHERS_S = "Edward Evan Harri Hughe Jame Phillip Robert Richard Walter William Roger Peter Stephen Matthew Adam"
_SPANISH_STEMS = "Martin Hernand Gonzal Rodrigu Lop Sanch Ramir Fernand Alvar Gom Jimen Vasqu Mend Dominguez"
# topographic: landscape words, alone or with a place ending
_LANDSCAPE = "Ash Brook Bush Dale Field Ford Glen Green Hall Hay Hill Holt Lake Lee Marsh Moor Oak Ridge Shaw Stone Wood Well West North Thorn Brad Fair Elm Hart Wyn"
_PLACE_ENDINGS = ["", "s", "ley", "ton", "ford", "field", "wood", "well", "by", "ham", "worth", "man"]
# descriptive: a colour or a trait
_TRAITS = "Black Brown Gray Green White Young Long Little Short Strong Good Wise Moody Sharp Swift Rich Bright"


def _patronymics() -> list[str]:
    names = [stem + "son" for stem in _FATHERS_SON.split()]
    names += [stem + "s" for stem in _FATHERS_S.split()]
    names += [stem if stem.endswith("ez") else stem + "ez" for stem in _SPANISH_STEMS.split()]
    return names


def _topographic() -> list[str]:
    # a doubled letter at the join (Ashham), a doubled word (Fieldfield) or a plural -s
    # after a hissing end (Bushs) reads badly
    def reads_well(root: str, ending: str) -> bool:
        if not ending:
            return True
        if ending == "s":
            return not root.endswith(("s", "h"))
        return root[-1].lower() != ending[0] and root.lower() != ending

    return [root + ending for root in _LANDSCAPE.split() for ending in _PLACE_ENDINGS if reads_well(root, ending)]


@lru_cache(maxsize=1)
def first_names() -> tuple[str, ...]:
    """The first names, in a fixed order."""
    return tuple(dict.fromkeys(_FIRST_NAMES.split()))


@lru_cache(maxsize=1)
def surnames() -> tuple[str, ...]:
    """Every surname the rules make, distinct, in a fixed order."""
    built = _TRADES.split() + _patronymics() + _topographic() + _TRAITS.split()
    return tuple(dict.fromkeys(name.capitalize() for name in built))


def common_person_names(count: int, *, seed: int, exclude: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """``count`` distinct "First Last" names, deterministic for ``seed``; none in ``exclude``
    (case-insensitive). Raises ``ValueError`` if the rules cannot make that many."""
    firsts, lasts = first_names(), surnames()
    taken = {name.lower() for name in exclude}
    available = len(firsts) * len(lasts) - len(taken)
    if count > available:
        raise ValueError(f"only {available} distinct first-name/surname pairs; asked for {count}")
    rng = random.Random(f"common-names-{seed}")
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
        if name.lower() not in taken:
            taken.add(name.lower())
            names.append(name)
    return names
