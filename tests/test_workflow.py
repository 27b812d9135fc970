"""The GitHub workflows: pull requests are reviewed, the office permission is judged by the base branch, the
hourly run only checks and publishes, caches stay warm, and every job holds the least it needs."""

import re
from pathlib import Path

import pytest
import yaml

from content_checks.sanitize_memo import MEMO_FILE
from content_checks.scan import HEADER_CACHE_FILE

WORKFLOWS = Path(__file__).resolve().parents[1] / ".github" / "workflows"
WORKFLOW = WORKFLOWS / "publish.yml"
OFFICE_PERMISSION = WORKFLOWS / "office-permission.yml"
README_TEST_COMMAND = "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/invoke test"
SETUP_COMMAND = "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt"
PERMISSION_COMMAND = (
    '.venv/bin/invoke check-office-permission --author "$AUTHOR" --base "$BASE_SHA" '
    "--head refs/remotes/pull/head --github"
)
# The git commands the office-permission job may run: none of them checks
# out, merges or applies anything of the pull request.
READ_ONLY_GIT = {"config", "fetch", "rev-parse"}


def load(path):
    return yaml.safe_load(path.read_text())


def all_workflows():
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


@pytest.fixture(scope="module")
def workflow():
    return load(WORKFLOW)


@pytest.fixture(scope="module")
def office_permission():
    return load(OFFICE_PERMISSION)


def runs(job, event):
    """The commands a job runs for `event`, by the `if:` conditions of the job and its steps."""
    def applies(condition):
        """Conditions on the event name; a condition on github.ref holds (runs on main)."""
        if not condition or condition == "always()":
            return True
        for part in condition.split("&&"):
            if "github.event_name" not in part:
                continue
            if "!=" in part and part.split("!=")[1].strip(" '") == event:
                return False
            if "==" in part and part.split("==")[1].strip(" '") != event:
                return False
        return True

    if not applies(job.get("if")):
        return []
    return [step["run"] for step in job["steps"] if "run" in step and applies(step.get("if"))]


def steps_using(job, action):
    return [step for step in job.get("steps", []) if step.get("uses", "").split("@")[0] == action]


def test_triggers(workflow):
    triggers = workflow[True]  # YAML reads the key `on` as true
    assert set(triggers) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    assert triggers["schedule"] == [{"cron": "7 * * * *"}, {"cron": "37 19 * * 0"}]


def test_a_weekly_full_build_checks_the_incremental_one(workflow):
    """Issue #21: every Monday (02:37 WIB) the site is built again from scratch and compared file by file."""
    steps = workflow["jobs"]["build"]["steps"]
    check = next(step for step in steps if step.get("run") == ".venv/bin/invoke verify-incremental")
    assert check["if"] == "github.event.schedule == '37 19 * * 0'"
    publish = next(step for step in steps if step.get("run") == ".venv/bin/invoke publish")
    assert steps.index(publish) < steps.index(check)
    assert check["env"] == publish["env"]  # the same site: same address, same settings
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert steps.index(check) < steps.index(upload)  # a difference stops the run before anything is published


def test_the_published_site_is_kept_for_the_next_incremental_publish(workflow):
    steps = workflow["jobs"]["build"]["steps"]
    pages, s3 = (next(step for step in caches(workflow) if step["with"]["path"].split()[0] == "output" and step["if"] == condition)
                 for condition in ("vars.DEPLOY_TARGET == ''", "vars.DEPLOY_TARGET != ''"))
    assert pages["with"]["path"] == "output"  # Pages: at most 1 GB
    assert pages["with"]["key"].startswith("situs-${{ hashFiles('content/**'") and pages["with"]["restore-keys"] == "situs-"
    # S3: never the photo variants, cards, documents, media or old upload copies (they stay in the bucket)
    heavy_left_out = ["output", "!output/images/varian", "!output/kartu", "!output/dokumen", "!output/media",
                      "!output/**/wp-content", "!output/**/files"]
    assert s3["uses"].startswith("actions/cache/restore@") and s3["with"]["path"].split() == heavy_left_out
    assert s3["with"]["key"] == "situs-s3-${{ github.run_id }}" and s3["with"]["restore-keys"] == "situs-s3-"
    publish = next(step for step in steps if step.get("run") == ".venv/bin/invoke publish")
    assert steps.index(pages) < steps.index(publish) and steps.index(s3) < steps.index(publish)
    assert publish["env"]["BUILD_REMOTE_FILES"] == "${{ vars.DEPLOY_TARGET != '' && '1' || '0' }}"
    # The state is saved by deploy-s3 only, after the deploy, and only when the build changed the site: the next
    # build's "previous" is what the bucket holds, never a build that was not deployed.
    deploy = workflow["jobs"]["deploy-s3"]["steps"]
    save = next(step for step in deploy if step.get("uses", "").startswith("actions/cache/save@"))
    assert save["with"]["path"].split() == heavy_left_out and save["with"]["key"] == "situs-s3-${{ github.run_id }}"
    assert deploy.index(save) > deploy.index(next(step for step in deploy if step.get("run") == ".venv/bin/invoke deploy"))
    assert save["if"] == "needs.build.outputs.changed == 'true'"
    assert workflow["jobs"]["build"]["outputs"]["changed"] == "${{ steps.changed.outputs.site }}"


def test_with_s3_only_what_names_the_photos_is_cached(workflow):
    cache = next(step for step in caches(workflow) if step["with"]["key"].startswith("produksi-s3-"))
    paths = cache["with"]["path"].split()
    assert "cache/produksi/foto/*.pilihan" in paths and "cache/produksi/foto/*.ukuran" in paths
    assert "cache/produksi/foto" not in paths and "cache/produksi/kartu" not in paths


def test_the_hourly_run_checks_and_publishes_without_tests(workflow):
    commands = runs(workflow["jobs"]["build"], "schedule")
    assert not any("invoke test" in command for command in commands)
    assert any(command.endswith("invoke publish") for command in commands)  # publish runs `check` first


def test_pushes_run_the_readme_test_command_then_publish(workflow):
    commands = runs(workflow["jobs"]["build"], "push")
    assert commands.index(README_TEST_COMMAND) < commands.index(".venv/bin/invoke publish")
    assert runs(workflow["jobs"]["review"], "push") == []


def test_pull_requests_get_annotations_and_tests_but_judge_no_office_permission(workflow):
    job = workflow["jobs"]["review"]
    commands = runs(job, "pull_request")
    assert ".venv/bin/invoke check --github" in commands
    assert README_TEST_COMMAND in commands
    assert runs(workflow["jobs"]["build"], "pull_request") == []
    # Under `pull_request` the pull request's own tasks.py, data/editors.toml
    # and even this file would judge it: the permission is office-permission.yml's.
    assert "check-office-permission" not in WORKFLOW.read_text()


def caches(workflow):
    return [step for step in workflow["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/cache")]


def test_card_images_and_photo_variants_are_cached_between_runs(workflow):
    cache = caches(workflow)[0]
    assert cache["if"] == "vars.DEPLOY_TARGET == ''"  # GitHub Pages; with S3 they are in the bucket
    # Cards, photo variants, `invoke check`'s complete photo decodes (content_checks.scan.PHOTO_CHECK_FOLDER)
    # and its remembered findings (RESULT_CACHE_FILE's folder).
    # Pelican's reader cache too, with the stamp that discards it when the reader changes; the build's own
    # check of headers (HEADER_CACHE_FILE's folder) and its sanitised bodies (sanitize_memo.MEMO_FILE).
    assert cache["with"]["path"].split() == [
        "cache/produksi/kartu", "cache/produksi/foto", "cache/produksi/*-Readers", "cache/produksi/versi-pembaca.txt",
        f"cache/produksi/{Path(HEADER_CACHE_FILE).parent}", f"cache/produksi/{MEMO_FILE}",
        "cache/foto-periksa", "cache/periksa",
    ]
    s3_cache = caches(workflow)[1]
    assert s3_cache["with"]["path"].split()[2:] == cache["with"]["path"].split()[2:]
    assert cache["with"]["restore-keys"] == "produksi-"
    # Issue #21: the key comes from what the cached files are made from, so an unchanged run saves nothing.
    key = cache["with"]["key"]
    assert key.startswith("produksi-${{ hashFiles(") and "run_id" not in key
    for source in ("content/**/*.md", "data/**", "plugins/**/*.py", "sitelib/**/*.py", "theme/**", "requirements.txt"):
        assert f"'{source}'" in key
    steps = workflow["jobs"]["build"]["steps"]
    tests = next(i for i, step in enumerate(steps) if step.get("name") == "Tests")
    assert steps.index(cache) < tests  # `invoke test` runs `invoke check` first: it finds the check's results


@pytest.mark.parametrize("job", ["review", "build"])
def test_node_20_is_set_up_before_anything_runs(workflow, job):
    steps = workflow["jobs"][job]["steps"]
    node = next(i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/setup-node"))
    assert steps[node]["with"]["node-version"] == 20
    assert node < min(i for i, step in enumerate(steps) if "run" in step)


# Least privilege, in every workflow file.

def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    """A tag can be moved to other code; a commit cannot. The comment says which release it is."""
    found = 0
    for path in all_workflows():
        jobs = load(path)["jobs"]
        references = [job["uses"] for job in jobs.values() if "uses" in job]  # reusable workflows
        references += [step["uses"] for job in jobs.values() for step in job.get("steps", []) if "uses" in step]
        for reference in references:
            if reference.startswith("./"):
                continue  # an action of this repository, at the checked-out commit
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", reference), (path.name, reference)
            found += 1
        for line in path.read_text().splitlines():
            if re.match(r"\s*(- )?uses:", line) and "./" not in line:
                assert re.search(r"@[0-9a-f]{40} # v\d+(\.\d+)*$", line), (path.name, line)
    assert found >= 7


def effective_permissions(workflow, job):
    """A job's token permissions: its own `permissions`, else the workflow's."""
    return job.get("permissions", workflow.get("permissions"))


def test_top_level_permissions_grant_nothing_beyond_read():
    for path in all_workflows():
        permissions = load(path).get("permissions")
        # Present (else the repository's default applies, which may be write) and read-only.
        assert isinstance(permissions, dict), (path.name, permissions)
        assert set(permissions.values()) <= {"read", "none"}, (path.name, permissions)


def test_no_job_but_deploy_holds_any_write_permission():
    for path in all_workflows():
        workflow = load(path)
        for name, job in workflow["jobs"].items():
            if (path, name) == (WORKFLOW, "deploy"):
                continue
            permissions = effective_permissions(workflow, job)
            assert isinstance(permissions, dict), (path.name, name, permissions)  # not write-all
            assert "write" not in permissions.values(), (path.name, name, permissions)


def test_each_job_holds_exactly_what_it_needs(workflow):
    jobs = workflow["jobs"]
    assert jobs["review"]["permissions"] == {"contents": "read"}
    # actions/configure-pages reads the Pages site (GET /repos/{owner}/{repo}/pages: Pages read).
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in jobs["deploy"]["steps"]] == ["actions/deploy-pages"]
    assert jobs["deploy-s3"]["permissions"] == {"contents": "read"}


def test_every_checkout_leaves_no_token_in_git_config():
    checkouts = 0
    for path in all_workflows():
        for name, job in load(path)["jobs"].items():
            for step in steps_using(job, "actions/checkout"):
                assert step.get("with", {}).get("persist-credentials") is False, (path.name, name)
                checkouts += 1
    assert checkouts >= 3


# The office permission: the base branch judges, the pull request is data.

def test_the_office_permission_runs_on_pull_request_target_for_main(office_permission):
    assert office_permission["name"] == "Izin kantor"
    triggers = office_permission[True]
    assert set(triggers) == {"pull_request_target"}
    assert triggers["pull_request_target"]["branches"] == ["main"]
    assert set(triggers["pull_request_target"]["types"]) == {"opened", "synchronize", "reopened", "edited"}
    assert "pull_request.number" in office_permission["concurrency"]["group"]
    job = office_permission["jobs"]["office-permission"]
    assert job["name"] == "office-permission"  # the required status check's name
    assert "if" not in job  # a skipped required check counts as passed
    assert job["container"] == "python:3.11-bookworm"


def test_the_office_permission_job_may_only_read(office_permission):
    assert office_permission["permissions"] == {"contents": "read"}
    for job in office_permission["jobs"].values():
        assert job["permissions"] == {"contents": "read"}


def test_the_base_branch_is_checked_out_with_its_history_and_no_token(office_permission):
    job = office_permission["jobs"]["office-permission"]
    checkouts = steps_using(job, "actions/checkout")
    assert len(checkouts) == 1 and job["steps"][0] is checkouts[0]
    options = checkouts[0]["with"]
    # No ref or repository: pull_request_target's default, the base branch.
    assert set(options) == {"fetch-depth", "persist-credentials"}
    assert options["fetch-depth"] == 0
    assert options["persist-credentials"] is False


def test_the_pull_request_is_fetched_as_data_and_nothing_of_it_runs(office_permission):
    steps = office_permission["jobs"]["office-permission"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    for command in commands:
        # Event values reach scripts only through env: (script injection).
        assert "${{" not in command
        git_commands = set(re.findall(r"\bgit\s+(?:-c\s+\S+\s+)*([a-z-]+)", command))
        assert git_commands <= READ_ONLY_GIT, git_commands
        for line in command.splitlines():
            if "git config" in line:
                assert "safe.directory" in line  # the token is never written to a git config
    fetch = next(step for step in steps if "git fetch" in step.get("run", ""))
    assert 'git fetch --no-tags origin "+refs/pull/$PR_NUMBER/head:refs/remotes/pull/head"' in fetch["run"]
    assert fetch["env"]["PR_NUMBER"] == "${{ github.event.pull_request.number }}"
    assert fetch["env"]["HEAD_SHA"] == "${{ github.event.pull_request.head.sha }}"
    # The job token goes to that one step, and in it to git's environment only.
    assert [step for step in steps if "github.token" in str(step)] == [fetch]
    assert "GIT_CONFIG_VALUE_0=" in fetch["run"]
    # The base branch's own requirements, then its own task.
    assert SETUP_COMMAND in commands
    permission = next(i for i, command in enumerate(commands) if PERMISSION_COMMAND in command)
    assert commands.index(SETUP_COMMAND) < permission
    assert steps.index(fetch) < next(i for i, step in enumerate(steps) if step.get("run") == SETUP_COMMAND)


def test_the_base_branch_judges_the_pull_request_head(office_permission):
    steps = office_permission["jobs"]["office-permission"]["steps"]
    permission = next(step for step in steps if "check-office-permission" in step.get("run", ""))
    assert PERMISSION_COMMAND + " || status=1" in permission["run"]
    # A push by another account than the author is judged for that account too.
    pusher = PERMISSION_COMMAND.replace('"$AUTHOR"', '"$SENDER"') + " || status=1"
    assert pusher in permission["run"]
    assert 'if [ "$ACTION" = "synchronize" ] && [ "$SENDER" != "$AUTHOR" ]; then' in permission["run"]
    assert permission["run"].rstrip().endswith("exit $status")
    assert permission["env"] == {
        "AUTHOR": "${{ github.event.pull_request.user.login }}",
        "SENDER": "${{ github.event.sender.login }}",
        "ACTION": "${{ github.event.action }}",
        "BASE_SHA": "${{ github.event.pull_request.base.sha }}",
    }


def test_only_main_is_published(workflow):
    """workflow_dispatch can name any branch: the build (and so the deploy) runs for main only."""
    assert "github.ref == 'refs/heads/main'" in workflow["jobs"]["build"]["if"]
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_pages_by_default_and_s3_when_deploy_target_is_set(workflow):
    """Issue #20: with the repository variable DEPLOY_TARGET the site goes to S3-compatible storage instead."""
    jobs = workflow["jobs"]
    assert jobs["deploy"]["if"] == "vars.DEPLOY_TARGET == ''" and jobs["deploy-s3"]["if"] == "vars.DEPLOY_TARGET != ''"
    assert jobs["deploy-s3"]["needs"] == "build"
    build = {step.get("name", step.get("uses", "")): step for step in jobs["build"]["steps"]}
    assert build["Production build"]["env"]["PRECOMPRESS"] == "0"  # no .gz/.br copies on Pages or S3
    size = build["Ukuran untuk GitHub Pages"]
    assert size["run"] == ".venv/bin/invoke pages-size" and size["if"] == "vars.DEPLOY_TARGET == ''"
    pages_artifact = steps_using(jobs["build"], "actions/upload-pages-artifact")[0]
    artifact = steps_using(jobs["build"], "actions/upload-artifact")[0]
    assert pages_artifact["if"] == "vars.DEPLOY_TARGET == ''" and artifact["if"] == "vars.DEPLOY_TARGET != ''"
    # The deploy deletes what the artifact lacks: every file of output/ must be in it.
    assert artifact["with"]["include-hidden-files"] is True and artifact["with"]["if-no-files-found"] == "error"
    assert artifact["with"]["path"] == "output" and artifact["with"]["compression-level"] == 0
    [deploy_step] = [step for step in jobs["deploy-s3"]["steps"] if step.get("run") == ".venv/bin/invoke deploy"]
    assert set(deploy_step["env"]) == {"DEPLOY_TARGET", "AWS_REGION", "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}


def test_only_the_s3_deploy_job_holds_the_storage_keys():
    for path in all_workflows():
        for name, job in load(path)["jobs"].items():
            text = yaml.safe_dump(job)
            if (path, name) == (WORKFLOW, "deploy-s3"):
                assert "secrets.AWS_SECRET_ACCESS_KEY" in text
                continue
            assert "secrets." not in text, (path.name, name)


def test_the_build_manifest_is_not_published_on_pages(workflow):
    steps = workflow["jobs"]["build"]["steps"]
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    out = steps.index(next(step for step in steps if step.get("run") == "mv output/.build-manifest.json build-manifest.json"))
    back = steps.index(next(step for step in steps if step.get("run") == "mv build-manifest.json output/.build-manifest.json"))
    assert out < steps.index(upload) < back
