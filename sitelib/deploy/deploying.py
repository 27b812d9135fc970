"""`invoke deploy`: the steps in order, and their messages."""

import time
from pathlib import Path

from botocore.exceptions import BotoCoreError, ClientError

from .sync_plan import GRACE, OutputError, kept_elsewhere, local_files, make_plan
from .built_site import deploy_problem
from .plan_text import plan_listing, plan_summary, seconds_text, size_text
from .target import TargetError, parse_target, s3_client
from .transfer import DeletionError, carry_out, read_pending, remote_objects


class DeployError(Exception):
    """Why nothing (more) was deployed, in Indonesian."""


def deploy_output(output: Path, environment, dry_run: bool = False, say=print, uploaded=lambda file: None,
                  everything: bool = False, now: float | None = None):
    """Publish `output` to DEPLOY_TARGET; returns the plan carried out (or only shown, with `dry_run`).
    `everything`: upload every file, changed or not (`invoke deploy --all`)."""
    target = parse_target(environment.get("DEPLOY_TARGET", ""))
    problem = deploy_problem(output)
    if problem:
        raise DeployError(problem)
    started = time.monotonic()
    try:
        client = s3_client(environment)
        remote = remote_objects(client, target)
        local = local_files(output)
        plan = make_plan(local, remote, everything, read_pending(client, target, remote),
                         time.time() if now is None else now, kept_elsewhere(output, local))
        for line in plan_summary(plan, target):
            say(line)
        if dry_run:
            for line in plan_listing(plan):
                say(line)
            say("Uji coba (--dry-run): tidak ada yang diunggah atau dihapus.")
            return plan
        carry_out(client, target, plan, uploaded)
    except (OutputError, DeletionError) as error:
        raise DeployError(str(error)) from error
    except (BotoCoreError, ClientError) as error:
        raise DeployError(f"penyimpanan S3 menolak atau tidak bisa dihubungi: {error}. Periksa DEPLOY_TARGET, "
                          "AWS_ENDPOINT_URL, AWS_REGION dan kunci aksesnya; jalankan lagi untuk menuntaskan.") from error
    say(f"Selesai dalam {seconds_text(time.monotonic() - started)}: {plan.upload_count} berkas diunggah "
        f"({size_text(plan.upload_bytes)}), {len(plan.deletions)} objek dihapus, {len(plan.pending)} berkas "
        f"tak terpakai menunggu dihapus (setelah {GRACE // 60} menit, pada penerbitan berikutnya).")
    return plan


__all__ = ["DeployError", "TargetError", "deploy_output"]
