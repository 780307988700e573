"""read_metadata and metadata_evidence: every identifying tag found, told in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest
from mediafixtures import (
    LEEDS,
    bad_entry_gps_jpeg,
    damaged_exif_jpeg,
    gps_jpeg,
    heic,
    identifying_exif,
    picture,
    text_png,
    tiff,
    webp,
)
from PIL import Image

from postguard.media.metadata import metadata_evidence, read_metadata
from postguard.model import Severity


def by_kind(evidence: list) -> dict:
    return {e.explanation["kind"]: e for e in evidence}


def test_jpeg_gps_is_found_and_told_in_plain_words(tmp_path: Path) -> None:
    meta = read_metadata(gps_jpeg(tmp_path / "holiday.jpg"))
    assert meta.format == "JPEG"
    assert meta.gps is not None
    assert meta.gps.latitude == pytest.approx(LEEDS[0], abs=1e-4)
    assert meta.gps.longitude == pytest.approx(LEEDS[1], abs=1e-4)
    assert str(meta.gps) == "53.8008° N, 1.5491° W"

    evidence = metadata_evidence(meta, "image:holiday.jpg")
    assert all(e.rule == "SM502" and e.source == "image:holiday.jpg" for e in evidence)
    gps = by_kind(evidence)["gps"]
    assert gps.severity is Severity.WARNING
    assert "53.8008° N, 1.5491° W" in gps.message
    assert "holiday.jpg" in gps.message
    assert "postguard scrub" in (gps.suggestion or "")


def test_nearest_town_comes_from_the_offline_gazetteer(tmp_path: Path) -> None:
    pytest.importorskip("reverse_geocode", reason="reverse-geocode not installed")
    meta = read_metadata(gps_jpeg(tmp_path / "p.jpg"))
    gps = by_kind(metadata_evidence(meta, "image:p.jpg"))["gps"]
    assert "near Leeds" in gps.message
    assert gps.explanation["place"].startswith("Leeds")


def test_serial_owner_and_capture_time_are_info(tmp_path: Path) -> None:
    meta = read_metadata(gps_jpeg(tmp_path / "p.jpg"))
    serials = {t.value for t in meta.serials}
    assert {"SN-0042-7781", "LENS-5555", "AUX-998877"} <= serials
    people = {t.value for t in meta.people}
    assert {"Jane Therapist", "Jane T", "Dr Xmp Creator", "Iptc Byline"} <= people
    assert meta.capture_time == "1 May 2024, 14:03"
    assert meta.device == "Canon EOS R6"
    assert meta.has_exif and meta.has_xmp and meta.has_iptc
    kinds = by_kind(metadata_evidence(meta, "image:p.jpg"))
    for kind in ("device", "people", "time"):
        assert kinds[kind].severity is Severity.INFO
    assert "SN-0042-7781" in kinds["device"].message
    assert "Jane Therapist" in kinds["people"].message
    assert "1 May 2024" in kinds["time"].message


def test_place_names_in_xmp_and_iptc_are_warnings(tmp_path: Path) -> None:
    meta = read_metadata(gps_jpeg(tmp_path / "p.jpg"))
    assert {t.value for t in meta.places} >= {"Harrogate", "Ilkley"}
    place = by_kind(metadata_evidence(meta, "image:p.jpg"))["place"]
    assert place.severity is Severity.WARNING
    assert "Ilkley" in place.message


def test_clean_photo_gives_no_evidence(tmp_path: Path) -> None:
    path = tmp_path / "plain.jpg"
    picture().save(path, "JPEG")
    meta = read_metadata(path)
    assert meta.gps is None and not meta.people and not meta.serials
    assert metadata_evidence(meta, "image:plain.jpg") == []


def test_png_text_chunks_and_xmp(tmp_path: Path) -> None:
    meta = read_metadata(text_png(tmp_path / "shot.png"))
    assert meta.format == "PNG"
    assert "Author" in meta.text_chunks
    assert "Png Author Name" in {t.value for t in meta.people}
    assert "session with client" in {t.value for t in meta.descriptions}
    assert meta.capture_time == "3 February 2023, 10:11"
    assert meta.has_xmp
    assert "Harrogate" in {t.value for t in meta.places}


def test_png_exif_chunk_gps(tmp_path: Path) -> None:
    path = tmp_path / "gps.png"
    picture().save(path, "PNG", exif=identifying_exif())
    meta = read_metadata(path)
    assert meta.gps is not None
    assert str(meta.gps) == "53.8008° N, 1.5491° W"


def test_heic_gps(tmp_path: Path) -> None:
    meta = read_metadata(heic(tmp_path / "IMG_0001.HEIC", orientation=6))
    assert meta.format == "HEIF"
    assert meta.gps is not None
    assert str(meta.gps) == "53.8008° N, 1.5491° W"
    assert meta.orientation == 6


def test_webp_gps(tmp_path: Path) -> None:
    meta = read_metadata(webp(tmp_path / "p.webp"))
    assert meta.format == "WEBP"
    assert meta.gps is not None


def test_tiff_artist_and_time(tmp_path: Path) -> None:
    meta = read_metadata(tiff(tmp_path / "scan.tif"))
    assert meta.format == "TIFF"
    assert "Tiff Artist" in {t.value for t in meta.people}
    assert meta.capture_time == "2 January 2022, 03:04"


def test_southern_and_eastern_hemispheres(tmp_path: Path) -> None:
    path = tmp_path / "sydney.jpg"
    picture().save(path, "JPEG", exif=identifying_exif(lat=-33.8688, lon=151.2093))
    meta = read_metadata(path)
    assert str(meta.gps) == "33.8688° S, 151.2093° E"


def test_orientation_is_read(tmp_path: Path) -> None:
    meta = read_metadata(gps_jpeg(tmp_path / "r.jpg", orientation=6))
    assert meta.orientation == 6
    assert (meta.width, meta.height) == (320, 240)


def test_null_island_is_not_a_position(tmp_path: Path) -> None:
    path = tmp_path / "nofix.jpg"
    picture().save(path, "JPEG", exif=identifying_exif(lat=0.0, lon=0.0))
    meta = read_metadata(path)
    assert meta.gps is None
    assert meta.gps_status == "no-position"
    gps = by_kind(metadata_evidence(meta, "image:nofix.jpg"))["gps"]
    assert gps.severity is Severity.INFO


def test_broken_gps_values_are_still_flagged(tmp_path: Path) -> None:
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (91.0, 0.0, 0.0)  # impossible latitude
    gps[3] = "W"
    gps[4] = (1.0, 2.0, 3.0)
    path = tmp_path / "odd.jpg"
    picture().save(path, "JPEG", exif=exif)
    meta = read_metadata(path)
    assert meta.gps_status == "unreadable"
    evidence = by_kind(metadata_evidence(meta, "image:odd.jpg"))["gps"]
    assert evidence.severity is Severity.WARNING


def test_string_path_is_accepted(tmp_path: Path) -> None:
    meta = read_metadata(str(gps_jpeg(tmp_path / "s.jpg")))
    assert meta.name == "s.jpg"
    assert meta.source == "image:s.jpg"


def test_unreadable_exif_block_is_a_warning(tmp_path: Path) -> None:
    meta = read_metadata(damaged_exif_jpeg(tmp_path / "broken_exif.jpg"))
    assert meta.exif_damaged
    damaged = by_kind(metadata_evidence(meta, "image:broken_exif.jpg"))["damaged"]
    assert damaged.severity is Severity.WARNING


def test_gps_is_found_despite_a_bad_exif_entry(tmp_path: Path) -> None:
    meta = read_metadata(bad_entry_gps_jpeg(tmp_path / "odd_entry.jpg"))
    assert str(meta.gps) == "53.8008° N, 1.5491° W"


def test_gps_only_in_xmp_is_found(tmp_path: Path) -> None:
    xmp = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/">'
        "<exif:GPSLatitude>53,48.048N</exif:GPSLatitude>"
        "<exif:GPSLongitude>1,32.946W</exif:GPSLongitude>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    path = tmp_path / "edited.jpg"
    picture().save(path, "JPEG", xmp=xmp.encode())
    meta = read_metadata(path)
    assert str(meta.gps) == "53.8008° N, 1.5491° W"
