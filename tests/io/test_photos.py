"""A photo read from an image file as untrusted input (revorg.io.photos): turned as the camera
meant, cropped to a centred square, at most 256 pixels, PNG or JPEG; anything else refused with
a reason a user can act on."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from revorg.io.photos import PhotoError, read_photo
from revorg.model.photos import JPEG, PNG, Photo

RED, GREEN, BLUE = (220, 20, 20), (20, 180, 20), (20, 20, 220)


def striped(width: int, height: int) -> Image.Image:
    """Three vertical stripes as stored: red left, green middle, blue right."""
    image = Image.new("RGB", (width, height), GREEN)
    third = width // 3
    image.paste(RED, (0, 0, third, height))
    image.paste(BLUE, (width - third, 0, width, height))
    return image


def jpeg_with_orientation(path: Path, width: int, height: int, orientation: int) -> Path:
    image = striped(width, height)
    exif = image.getexif()
    exif[0x0112] = orientation  # Orientation
    image.save(path, "JPEG", quality=95, exif=exif)
    return path


def opened(photo: Photo) -> Image.Image:
    image = Image.open(io.BytesIO(photo.image))
    image.load()
    return image


def near(pixel: tuple[int, ...], colour: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(pixel[:3], colour, strict=True))


def test_a_rotated_300_by_200_jpeg_becomes_an_upright_centred_square(tmp_path: Path) -> None:
    # Orientation 6: the camera was turned, the viewer turns the stored picture 90° clockwise:
    # the stored left (red) stripe is shown on top, the right (blue) at the bottom, 200 x 300.
    # The centred square of that is rows 50 to 250: 50 red, 100 green, 50 blue, top to bottom.
    photo = read_photo(jpeg_with_orientation(tmp_path / "ana.jpg", 300, 200, 6))
    image = opened(photo)
    assert photo.media_type == JPEG
    assert image.size == (200, 200)  # a smaller picture is not blown up
    assert near(image.getpixel((100, 20)), RED)  # top
    assert near(image.getpixel((100, 100)), GREEN)
    assert near(image.getpixel((100, 180)), BLUE)  # bottom
    assert near(image.getpixel((20, 100)), GREEN)  # not red: the stripes are not side by side


def test_a_large_rotated_photo_is_scaled_down_to_256_pixels(tmp_path: Path) -> None:
    photo = read_photo(jpeg_with_orientation(tmp_path / "big.jpg", 1200, 800, 6))
    image = opened(photo)
    assert image.size == (256, 256)
    # 800 x 1200 shown, its square is rows 200 to 1000: red to 400, blue from 800 (a quarter
    # of the square at each end), so 256 / 4 = 64 pixels of each.
    assert near(image.getpixel((128, 30)), RED)
    assert near(image.getpixel((128, 128)), GREEN)
    assert near(image.getpixel((128, 226)), BLUE)


def test_an_unrotated_photo_keeps_its_stripes_side_by_side(tmp_path: Path) -> None:
    image = opened(read_photo(jpeg_with_orientation(tmp_path / "flat.jpg", 300, 200, 1)))
    # Columns 50 to 250 of the stored picture: red to 100, blue from 200.
    assert near(image.getpixel((20, 100)), RED)
    assert near(image.getpixel((180, 100)), BLUE)


def test_a_png_with_transparency_stays_png_with_its_alpha(tmp_path: Path) -> None:
    image = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    image.paste((20, 20, 220, 255), (100, 100, 300, 300))
    image.save(tmp_path / "round.png")
    photo = read_photo(tmp_path / "round.png")
    shown = opened(photo)
    assert photo.media_type == PNG
    assert shown.size == (256, 256)
    assert shown.getpixel((5, 5))[3] == 0  # the corner stays see-through
    assert shown.getpixel((128, 128)) == (20, 20, 220, 255)


def test_an_opaque_png_is_stored_as_jpeg(tmp_path: Path) -> None:
    Image.new("RGBA", (64, 64), (200, 10, 10, 255)).save(tmp_path / "opaque.png")
    photo = read_photo(tmp_path / "opaque.png")
    assert photo.media_type == JPEG
    assert opened(photo).size == (64, 64)


@pytest.mark.parametrize("kind", ["GIF", "BMP", "WEBP"])
def test_gif_bmp_and_webp_are_read(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"photo.{kind.lower()}"
    striped(90, 60).save(path, kind)
    assert opened(read_photo(path)).size == (60, 60)


def test_a_text_file_named_jpg_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ana.jpg"
    path.write_text("Ana López, Sales\n", encoding="utf-8")
    with pytest.raises(PhotoError) as raised:
        read_photo(path)
    assert str(raised.value) == "ana.jpg is not a PNG, JPEG, GIF, WebP or BMP image"


def test_a_tiff_is_refused_even_though_pillow_reads_it(tmp_path: Path) -> None:
    striped(30, 30).save(tmp_path / "scan.tif", "TIFF")
    with pytest.raises(PhotoError, match="is not a PNG, JPEG"):
        read_photo(tmp_path / "scan.tif")


def test_a_damaged_png_is_refused(tmp_path: Path) -> None:
    data = io.BytesIO()
    striped(120, 120).save(data, "PNG")
    path = tmp_path / "cut.png"
    path.write_bytes(data.getvalue()[:200])  # the signature, then the file stops
    with pytest.raises(PhotoError) as raised:
        read_photo(path)
    assert str(raised.value) == "cut.png is damaged: its image cannot be read"


def test_a_file_over_20_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.jpg"
    with path.open("wb") as file:
        file.write(b"\xff\xd8\xff")
        file.truncate(20 * 1024 * 1024 + 1)  # sparse: nothing is written
    with pytest.raises(PhotoError) as raised:
        read_photo(path)
    assert str(raised.value) == "huge.jpg is larger than 20 MB: a photo is at most that"


@pytest.mark.parametrize("side", [40, 100])  # 1,600 pixels: Pillow's warning; 10,000: its error
def test_a_decompression_bomb_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, side: int
) -> None:
    striped(side, side).save(tmp_path / "bomb.png")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(PhotoError, match="has too many pixels to be opened safely"):
        read_photo(tmp_path / "bomb.png")


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(PhotoError, match="no such image file"):
        read_photo(tmp_path / "nobody.jpg")
