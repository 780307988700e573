"""Where sign-ins came from, offline: the registry table, the gazetteer, and impossible travel."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from postguard.secure import geo
from postguard.secure.model import SignIn

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def sign_in(
    when: datetime | None, country: str | None = None, city: str | None = None, ip: str | None = None
) -> SignIn:
    return SignIn(
        platform="facebook", when=when, source="account_activity.json", country=country, city=city, ip=ip
    )


@pytest.mark.parametrize(
    ("ip", "country"),
    [
        ("8.8.8.8", "US"),  # Google Public DNS, ARIN
        ("2001:4860:4860::8888", "US"),  # the same service over IPv6
        ("81.2.69.142", "GB"),  # Andrews & Arnold, RIPE; MaxMind's test address
        ("212.58.244.1", "GB"),  # the BBC, RIPE
        ("1.0.16.1", "JP"),  # APNIC, the iptocc README's own example
        ("1.1.1.1", "AU"),  # APNIC's research block, registered in Australia
        ("::ffff:8.8.8.8", "US"),  # an IPv4 address written as IPv6
        (" 8.8.8.8\n", "US"),  # stray whitespace from a CSV cell
    ],
)
def test_public_addresses_map_to_their_registry_country(ip: str, country: str) -> None:
    assert geo.country_of(ip) == country


@pytest.mark.parametrize(
    "ip",
    [
        "10.0.0.1",
        "172.16.0.1",
        "192.168.1.1",
        "127.0.0.1",
        "::1",
        "169.254.1.1",
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
        "255.255.255.255",
        "224.0.0.1",
        "192.0.2.1",  # documentation range
        "2001:db8::1",
        "fe80::1",
        "fc00::1",
        "139.191.0.1",  # a block RIPE lists as "EU", which is not a country
        "",
        "garbage",
        "1.2.3",
        "256.1.1.1",
        "8.8.8.8/24",
        "8.8.8.8:443",
    ],
)
def test_private_reserved_and_garbage_addresses_have_no_country(ip: str) -> None:
    assert geo.country_of(ip) is None


def test_a_named_city_gives_its_own_point_and_a_country_its_largest_city() -> None:
    leeds = geo.place("GB", "Leeds")
    assert leeds is not None
    assert (leeds.city, leeds.precision) == ("Leeds", "city")
    assert leeds.latitude == pytest.approx(53.80, abs=0.05)

    for city in (None, "", "Atlantis"):
        stand_in = geo.place("GB", city)
        assert stand_in is not None
        assert (stand_in.city, stand_in.precision) == ("London", "country")


def test_place_names_match_loosely() -> None:
    assert geo.place("United Kingdom", "St. Albans") == geo.place("GB", "St Albans")
    assert geo.place("uk", "NEWCASTLE UPON TYNE") == geo.place("GB", "Newcastle upon Tyne")
    cologne = geo.place("DE", "Koln")
    assert cologne is not None and cologne.city == "Köln"
    assert geo.place("XX") is None
    assert geo.place(None, "London") is None


def test_country_names() -> None:
    assert geo.country_name("GB") == "United Kingdom"
    assert geo.country_name("de") == "Germany"
    assert geo.country_name("ZZ") == "ZZ"


@pytest.mark.parametrize(
    ("city", "country", "km"),
    [
        ("Leeds", "GB", 272),
        ("Paris", "FR", 344),
        ("New York City", "US", 5570),
        ("Sydney", "AU", 16990),
    ],
)
def test_distances_from_london_match_known_values(city: str, country: str, km: float) -> None:
    london, other = geo.place("GB", "London"), geo.place(country, city)
    assert london is not None and other is not None
    assert geo.distance_km(london, other) == pytest.approx(km, rel=0.03)
    assert geo.distance_km(other, london) == pytest.approx(geo.distance_km(london, other))
    assert geo.distance_km(london, london) == 0


def test_london_to_leeds_in_an_hour_is_possible_but_not_in_ten_minutes() -> None:
    london = sign_in(T0, "GB", "London")
    assert not geo.impossible_travel(london, sign_in(T0 + timedelta(hours=1), "GB", "Leeds"))
    assert geo.impossible_travel(london, sign_in(T0 + timedelta(minutes=10), "GB", "Leeds"))


def test_london_to_sydney_in_an_hour_is_impossible_whichever_comes_first() -> None:
    london, sydney = sign_in(T0, "GB", "London"), sign_in(T0 + timedelta(hours=1), "AU", "Sydney")
    assert geo.impossible_travel(london, sydney)
    assert geo.impossible_travel(sydney, london)
    assert geo.speed_kmh(london, sydney) == pytest.approx(16990, rel=0.03)


def test_the_same_city_is_never_impossible() -> None:
    first = sign_in(T0, "GB", "Leeds")
    for later in (T0, T0 + timedelta(seconds=1), T0 + timedelta(days=1)):
        assert geo.speed_kmh(first, sign_in(later, "GB", "Leeds")) is None
        assert not geo.impossible_travel(first, sign_in(later, "GB", "Leeds"))


def test_far_apart_at_the_same_moment_is_infinitely_fast() -> None:
    assert geo.speed_kmh(sign_in(T0, "GB", "London"), sign_in(T0, "US", "New York City")) == math.inf


def test_a_country_stand_in_says_nothing_about_distance_within_that_country() -> None:
    seattle = sign_in(T0, "US", "Seattle")
    us_only = sign_in(T0 + timedelta(minutes=5), ip="8.8.8.8")  # stands in as New York City
    assert geo.speed_kmh(seattle, us_only) is None
    assert not geo.impossible_travel(seattle, us_only)


def test_addresses_alone_are_placed_by_their_registry_country() -> None:
    gb, au = sign_in(T0, ip="81.2.69.142"), sign_in(T0 + timedelta(minutes=30), ip="1.1.1.1")
    assert geo.impossible_travel(gb, au)
    assert geo.distance_km(gb, au) == pytest.approx(16990, rel=0.03)


def test_the_exports_own_place_wins_over_the_address() -> None:
    place = geo.place_of(sign_in(T0, "DE", "Unna", ip="8.8.8.8"))
    assert place is not None and (place.country, place.city) == ("DE", "Unna")


def test_missing_times_or_places_give_no_answer() -> None:
    london = sign_in(T0, "GB", "London")
    assert geo.speed_kmh(london, sign_in(None, "AU", "Sydney")) is None
    assert geo.speed_kmh(london, sign_in(T0, ip="10.0.0.1")) is None
    assert geo.distance_km(london, sign_in(T0)) is None
    assert not geo.impossible_travel(london, sign_in(T0))
