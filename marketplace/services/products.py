"""Listing a product from a phone: texts in her language, a photo, an optional voice description."""

import tempfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from core.arabic import search_document
from media_pipeline.api import MediaError, asset_create, probe

from .. import error_codes
from ..models import Product, ProductPhoto, Shop
from ..selectors import can_manage
from .shops import seller_check

VOICE_MAX_BYTES = 8 * 1024**2
NOT_AUDIO = _("This file is not a sound recording that can be played. Record it again.")
# ffprobe's container name → the extension the media pipeline accepts.
AUDIO_EXTENSIONS = {
    "matroska,webm": "webm",
    "ogg": "ogg",
    "mov,mp4,m4a,3gp,3g2,mj2": "m4a",
    "mp3": "mp3",
    "wav": "wav",
}


@dataclass(frozen=True)
class ProductData:
    name: str
    description: str
    category: str
    unit: str
    price: Decimal
    stock: int
    minimum_order: int
    region: str
    onssa_number: str = ""


def search_text_refresh(product: Product) -> None:
    """The normalised words of every translation of the name and description, and the shop's
    names (docs/decisions/0015)."""
    parts = [*product.shop.cooperative.names]
    for translation in product.translations.all():
        parts += [translation.name, translation.description]
    text = search_document(" ".join(part for part in parts if part))
    Product.objects.filter(pk=product.pk).update(search_text=text)


def _onssa_check(product: Product) -> None:
    if product.needs_onssa and not product.onssa_number.strip():
        raise ValidationError(
            {
                "onssa_number": ValidationError(
                    _("Food products need their ONSSA authorisation number."),
                    code=error_codes.ONSSA_REQUIRED,
                )
            }
        )


def photo_store(*, upload: UploadedFile, title: str, by):
    """A Wagtail image from the phone's photo (refused when Pillow cannot read it)."""
    try:
        with PillowImage.open(upload) as picture:
            picture.verify()
    except Exception as error:  # Pillow raises many kinds of error for a bad file
        raise ValidationError(
            _("This file is not a photo that can be shown."), code=error_codes.PHOTO_INVALID
        ) from error
    upload.seek(0)
    image = get_image_model()(title=title[:255] or "product", file=upload, uploaded_by_user=by)
    image.save()
    return image


def voice_check(upload: UploadedFile) -> str:
    """Size, then what ffprobe finds (sound, no picture); the extension to store it under."""
    if upload.size > VOICE_MAX_BYTES:
        raise ValidationError(
            _("The recording is too long. Keep it under a minute or two."),
            code=error_codes.VOICE_TOO_LARGE,
        )
    with tempfile.NamedTemporaryFile(suffix=".upload") as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        try:
            found = probe(Path(copy.name), timeout=30)
        except MediaError as error:
            raise ValidationError(NOT_AUDIO, code=error_codes.VOICE_NOT_AUDIO) from error
    upload.seek(0)
    extension = AUDIO_EXTENSIONS.get(found.container)
    if found.audio is None or found.video is not None or extension is None:
        raise ValidationError(NOT_AUDIO, code=error_codes.VOICE_NOT_AUDIO)
    return extension


def _voice_store(*, upload: UploadedFile, product: Product, language: str, by):
    """The media pipeline's audio path: loudness, the audio-only rendition, after commit."""
    extension = voice_check(upload)
    return asset_create(
        file=upload,
        filename=f"voice-{product.public_id}.{extension}",
        title=str(product)[:200],
        language=language,
        created_by=by,
    )


def product_save(
    *,
    shop: Shop,
    by,
    data: ProductData,
    language: str,
    product: Product | None = None,
    photo: UploadedFile | None = None,
    voice: UploadedFile | None = None,
) -> Product:
    """Create or change a product; the texts go into ``language``'s translation."""
    if not can_manage(user=by, shop=shop):
        raise PermissionDenied(error_codes.NOT_A_MANAGER)
    seller_check(shop.cooperative)
    if product is not None and product.shop_id != shop.pk:
        raise PermissionDenied(error_codes.NOT_A_MANAGER)
    product = product or Product(shop=shop)
    product.set_current_language(language)
    for field in ("name", "description", "category", "unit", "price", "stock", "minimum_order"):
        setattr(product, field, getattr(data, field))
    product.region_id = data.region
    product.onssa_number = data.onssa_number.strip()
    product.full_clean(exclude=["photo", "voice"])
    _onssa_check(product)
    with transaction.atomic():
        if photo is not None:
            product.photo = photo_store(upload=photo, title=data.name, by=by)
        product.save()
        if voice is not None:
            product.voice = _voice_store(upload=voice, product=product, language=language, by=by)
            product.save(update_fields=["voice"])
        search_text_refresh(product)
    return product


def product_photo_add(*, product: Product, by, upload: UploadedFile) -> ProductPhoto:
    if not can_manage(user=by, shop=product.shop):
        raise PermissionDenied(error_codes.NOT_A_MANAGER)
    image = photo_store(upload=upload, title=str(product), by=by)
    return ProductPhoto.objects.create(
        product=product, image=image, position=product.photos.count()
    )


def stock_set(*, product: Product, by, stock: int) -> None:
    if not can_manage(user=by, shop=product.shop):
        raise PermissionDenied(error_codes.NOT_A_MANAGER)
    Product.objects.filter(pk=product.pk).update(stock=max(0, int(stock)))
