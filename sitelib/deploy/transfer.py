"""Reading the bucket and carrying out a plan with boto3, phase by phase."""

import json
from concurrent.futures import ThreadPoolExecutor

from .sync_plan import PENDING_KEY, PHASES, LocalFile, Plan, RemoteObject
from .target import Target

UPLOAD_THREADS = 16
DELETE_BATCH = 1000  # S3's DeleteObjects limit


def remote_objects(client, target: Target) -> dict[str, RemoteObject]:
    """Every object below the target's prefix, by its key below the prefix."""
    found = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=target.bucket, Prefix=target.prefix):
        for item in page.get("Contents", []):
            relative = target.relative(item["Key"])
            found[relative] = RemoteObject(relative, item["Size"], item["ETag"].strip('"'))
    return found


def upload(client, target: Target, file: LocalFile) -> None:
    """One object, in one part (so its ETag is the MD5 the next plan compares), with its headers."""
    headers = file.headers
    with file.path.open("rb") as body:
        client.put_object(Bucket=target.bucket, Key=target.key(file.relative), Body=body,
                          ContentType=headers.content_type, CacheControl=headers.cache_control)


def carry_out(client, target: Target, plan: Plan, uploaded=lambda file: None) -> None:
    """Uploads phase by phase (each complete before the next begins), then deletions.
    `uploaded(file)` is called after each upload (progress)."""
    with ThreadPoolExecutor(max_workers=UPLOAD_THREADS) as pool:
        for phase in PHASES:
            def send(file: LocalFile) -> None:
                upload(client, target, file)
                uploaded(file)
            for _ in pool.map(send, plan.uploads[phase]):
                pass  # map re-raises the first failure: the phase is not complete, nothing later starts
    keys = [target.key(item.relative) for item in plan.deletions]
    for start in range(0, len(keys), DELETE_BATCH):
        batch = keys[start:start + DELETE_BATCH]
        answer = client.delete_objects(Bucket=target.bucket, Delete={"Objects": [{"Key": key} for key in batch], "Quiet": True})
        if answer.get("Errors"):
            refused = ", ".join(f"{error['Key']} ({error.get('Code', '?')})" for error in answer["Errors"][:5])
            raise DeletionError(f"{len(answer['Errors'])} objek tidak dapat dihapus, misalnya {refused}. "
                                "Kunci akses perlu izin menghapus (s3:DeleteObject).")
    write_pending(client, target, plan.pending)


class DeletionError(RuntimeError):
    """The storage refused to delete some objects (the message is Indonesian)."""


def read_pending(client, target: Target, remote: dict) -> dict[str, float]:
    """The unused objects an earlier deploy kept, and since when (empty when there is no record)."""
    if PENDING_KEY not in remote:
        return {}
    record = json.loads(client.get_object(Bucket=target.bucket, Key=target.key(PENDING_KEY))["Body"].read())
    return {str(key): float(since) for key, since in record.items()}


def write_pending(client, target: Target, pending: dict[str, float]) -> None:
    body = json.dumps(dict(sorted(pending.items())), indent=0).encode("utf-8")
    client.put_object(Bucket=target.bucket, Key=target.key(PENDING_KEY), Body=body,
                      ContentType="application/json; charset=utf-8", CacheControl="no-store")
