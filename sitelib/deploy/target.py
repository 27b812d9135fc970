"""Where `invoke deploy` publishes: DEPLOY_TARGET (s3://BUCKET or s3://BUCKET/PREFIX) and the standard AWS_* variables."""

import re
from dataclasses import dataclass

from botocore.config import Config

# S3's bucket naming rules (3-63 characters, lower case, digits, dots and hyphens).
BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")
PREFIX_PART = re.compile(r"[A-Za-z0-9._-]+")
EXAMPLE = "Contoh: DEPLOY_TARGET=s3://media-center-kemenag atau s3://media-center-kemenag/situs"


class TargetError(ValueError):
    """DEPLOY_TARGET or the credentials are missing or malformed (the message is Indonesian)."""


@dataclass(frozen=True)
class Target:
    bucket: str
    prefix: str  # "" or "situs/" (always ending with "/")

    def key(self, relative: str) -> str:
        return self.prefix + relative

    def relative(self, key: str) -> str:
        return key[len(self.prefix):]


def parse_target(text: str) -> Target:
    """s3://BUCKET or s3://BUCKET/PREFIX (PREFIX: folders of letters, digits, '.', '_', '-')."""
    if not text:
        raise TargetError(f"DEPLOY_TARGET belum diisi. {EXAMPLE}")
    if not text.startswith("s3://"):
        raise TargetError(f"DEPLOY_TARGET '{text}' harus diawali s3://. {EXAMPLE}")
    bucket, _, prefix = text[len("s3://"):].partition("/")
    if not BUCKET.fullmatch(bucket) or ".." in bucket:
        raise TargetError(f"nama bucket '{bucket}' tidak sah (huruf kecil, angka, titik dan tanda minus, 3-63 karakter). {EXAMPLE}")
    parts = [part for part in prefix.split("/") if part]
    if any(not PREFIX_PART.fullmatch(part) or part in (".", "..") for part in parts):
        raise TargetError(f"folder '{prefix}' di DEPLOY_TARGET tidak sah. {EXAMPLE}")
    return Target(bucket, "".join(f"{part}/" for part in parts))


CREDENTIALS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")


def missing_credentials(environment) -> list[str]:
    return [name for name in CREDENTIALS if not environment.get(name)]


def s3_client(environment):
    """A boto3 S3 client from the standard variables in `environment` (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
    optionally AWS_SESSION_TOKEN, AWS_REGION, AWS_ENDPOINT_URL). Another endpoint than AWS is addressed path-style
    (http://ENDPOINT/BUCKET/KEY), which every S3-compatible service accepts."""
    import boto3

    missing = missing_credentials(environment)
    if missing:
        raise TargetError(f"{', '.join(missing)} belum diisi (kunci akses penyimpanan S3).")
    endpoint = environment.get("AWS_ENDPOINT_URL") or ""
    if endpoint and not re.fullmatch(r"https?://[^\s/]+/?", endpoint):
        raise TargetError(f"AWS_ENDPOINT_URL '{endpoint}' harus berupa alamat lengkap seperti "
                          "https://ID-AKUN.r2.cloudflarestorage.com (dengan https://, tanpa nama bucket).")
    style = "path" if endpoint else "auto"
    # Checksums only where S3 requires them: boto3's default (CRC32 in chunked uploads, since 1.36) is refused
    # by several S3-compatible services; the content is compared by MD5 (the ETag) anyway.
    config = Config(s3={"addressing_style": style}, retries={"max_attempts": 5, "mode": "standard"},
                    max_pool_connections=32, request_checksum_calculation="when_required",
                    response_checksum_validation="when_required")
    return boto3.session.Session().client(
        "s3", region_name=environment.get("AWS_REGION") or "us-east-1", config=config,
        endpoint_url=environment.get("AWS_ENDPOINT_URL") or None,
        aws_access_key_id=environment["AWS_ACCESS_KEY_ID"], aws_secret_access_key=environment["AWS_SECRET_ACCESS_KEY"],
        aws_session_token=environment.get("AWS_SESSION_TOKEN") or None,
    )
