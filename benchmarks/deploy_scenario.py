"""`invoke bench-deploy`: the generated corpus published, deployed to a local S3 server, then one article more.

The corpus is `benchmarks.corpus` (2,000 articles by default; one in ten with
one of six real photographs, so photo variants are shared: the per-photo
weight is the photo scenario's). Built with publishconf.py (search index,
share cards, .gz/.br copies on, to weigh them), deployed with `invoke
deploy`'s own code to SeaweedFS on 127.0.0.1; then one new article is added,
the site rebuilt and deployed again. Figures: files, bytes and seconds of
each deploy, and what the .gz/.br copies would add to a Pages artifact.
"""

import os
import tempfile
import time
from pathlib import Path

from sitelib.deploy.http_headers import is_published
from sitelib.deploy.deploying import deploy_output

from .corpus import generate
from .local_s3 import CREDENTIALS, new_bucket, seaweed_s3
from .measure import pelican_command, timed

ROOT = Path(__file__).resolve().parents[1]
SITEURL = "https://media.contoh.test"
BUCKET = "situs"
NEW_PAGE = "2026/11/satu-berita-baru-uji-deploy/index.html"  # where NEW_ARTICLE is published
NEW_ARTICLE = """Title: Satu Berita Baru untuk Uji Deploy
Date: 2026-11-30 10:17
Category: Haji dan Umrah
Author: uji/rf
Offices: kab-kudus
Reporting_office: kab-kudus
Slug: satu-berita-baru-uji-deploy
Summary: Berita uji untuk deploy bertahap.

Kudus – Satu berita baru untuk mengukur deploy bertahap.
"""


def folder_figures(output: Path) -> dict:
    published = [p for p in output.rglob("*") if p.is_file() and is_published(p.name)]
    copies = [p for p in output.rglob("*") if p.is_file() and not is_published(p.name)]
    return {"files": len(published), "bytes": sum(p.stat().st_size for p in published),
            "precompressed_files": len(copies), "precompressed_bytes": sum(p.stat().st_size for p in copies)}


def deployed(output: Path, environment: dict) -> dict:
    started = time.perf_counter()
    plan = deploy_output(output, environment, say=lambda line: None)
    return {"seconds": round(time.perf_counter() - started, 1), "uploaded_files": plan.upload_count,
            "uploaded_bytes": plan.upload_bytes, "deleted": len(plan.deletions), "unchanged": plan.unchanged}


def run(articles: int = 2000) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-deploy-") as folder:
        work = Path(folder)
        content = generate(work / "content", articles)
        build = {"SITEURL": SITEURL}
        first = timed(pelican_command(content, "publishconf.py", work / "out1", work / "cache"), ROOT, build)
        (content / "articles" / "satu-berita-baru.md").write_text(NEW_ARTICLE, encoding="utf-8")
        second = timed(pelican_command(content, "publishconf.py", work / "out2", work / "cache"), ROOT, build)
        with seaweed_s3(work / "s3") as endpoint:
            environment = {**CREDENTIALS, "AWS_ENDPOINT_URL": endpoint, "DEPLOY_TARGET": f"s3://{BUCKET}"}
            new_bucket(endpoint, BUCKET)
            initial = deployed(work / "out1", environment)
            again = deployed(work / "out1", environment)
            one_more = deployed(work / "out2", environment)
        return {"articles": articles, "machine_cores": os.cpu_count(), "output": folder_figures(work / "out1"),
                "build_seconds": [round(first.seconds, 1), round(second.seconds, 1)],
                "first_deploy": initial, "unchanged_deploy": again, "one_article_deploy": one_more}


def format_report(results: dict) -> str:
    output, first, one = results["output"], results["first_deploy"], results["one_article_deploy"]
    megabytes = lambda size: f"{size / 1e6:.1f} MB"  # noqa: E731
    return "\n".join([
        f"Corpus: {results['articles']} articles; output {output['files']} files, {megabytes(output['bytes'])} "
        f"(+ {output['precompressed_files']} .gz/.br copies, {megabytes(output['precompressed_bytes'])}, not deployed)",
        f"First deploy: {first['uploaded_files']} files, {megabytes(first['uploaded_bytes'])}, {first['seconds']} s",
        f"Unchanged deploy: {results['unchanged_deploy']['uploaded_files']} files, {results['unchanged_deploy']['seconds']} s",
        f"One new article: {one['uploaded_files']} files, {megabytes(one['uploaded_bytes'])}, "
        f"{one['deleted']} deleted, {one['seconds']} s",
        f"Builds: {results['build_seconds'][0]} s, then {results['build_seconds'][1]} s with the article",
    ])
