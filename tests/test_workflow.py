"""The publishing workflow: pull requests are reviewed, the hourly run only checks and publishes, caches stay warm."""

from pathlib import Path

import pytest
import yaml

WORKFLOW = Path(__file__).resolve().parents[1] / ".github" / "workflows" / "publish.yml"
README_TEST_COMMAND = "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/invoke test"


@pytest.fixture(scope="module")
def workflow():
    return yaml.safe_load(WORKFLOW.read_text())


def runs(job, event):
    """The commands a job runs for `event`, by the `if:` conditions of the job and its steps."""
    def applies(condition):
        if not condition or condition == "always()":
            return True
        if "!=" in condition:
            return condition.split("!=")[1].strip(" '") != event
        return condition.split("==")[1].strip(" '") == event

    if not applies(job.get("if")):
        return []
    return [step["run"] for step in job["steps"] if "run" in step and applies(step.get("if"))]


def test_triggers(workflow):
    triggers = workflow[True]  # YAML reads the key `on` as true
    assert set(triggers) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    assert triggers["schedule"] == [{"cron": "7 * * * *"}]


def test_the_hourly_run_checks_and_publishes_without_tests(workflow):
    commands = runs(workflow["jobs"]["build"], "schedule")
    assert not any("invoke test" in command for command in commands)
    assert any(command.endswith("invoke publish") for command in commands)  # publish runs `check` first


def test_pushes_run_the_readme_test_command_then_publish(workflow):
    commands = runs(workflow["jobs"]["build"], "push")
    assert commands.index(README_TEST_COMMAND) < commands.index(".venv/bin/invoke publish")
    assert runs(workflow["jobs"]["review"], "push") == []


def test_pull_requests_get_annotations_the_office_permission_check_and_tests(workflow):
    job = workflow["jobs"]["review"]
    commands = runs(job, "pull_request")
    assert ".venv/bin/invoke check --github" in commands
    permission = next(step for step in job["steps"] if "check-office-permission" in step.get("run", ""))
    assert permission["if"] == "always()"  # reported even when the content check failed
    assert permission["env"]["AUTHOR"] == "${{ github.event.pull_request.user.login }}"
    assert '--author "$AUTHOR" --base "$BASE" --github' in permission["run"]
    assert README_TEST_COMMAND in commands
    assert runs(workflow["jobs"]["build"], "pull_request") == []
    assert job["steps"][0]["with"]["fetch-depth"] == 0  # the base branch is needed for the diff


def test_card_images_and_photo_variants_are_cached_between_runs(workflow):
    cache = next(step for step in workflow["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"].split() == ["cache/produksi/kartu", "cache/produksi/foto"]
    assert cache["with"]["restore-keys"] == "produksi-"
    steps = workflow["jobs"]["build"]["steps"]
    publish = next(i for i, step in enumerate(steps) if step.get("run", "").endswith("invoke publish"))
    assert steps.index(cache) < publish


@pytest.mark.parametrize("job", ["review", "build"])
def test_node_20_is_set_up_before_anything_runs(workflow, job):
    steps = workflow["jobs"][job]["steps"]
    node = next(i for i, step in enumerate(steps) if step.get("uses", "").startswith("actions/setup-node"))
    assert steps[node]["with"]["node-version"] == 20
    assert node < min(i for i, step in enumerate(steps) if "run" in step)
