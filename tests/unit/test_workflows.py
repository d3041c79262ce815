"""The GitHub workflows and forms are valid and hold the properties issue 13 asks for:
current action majors, least privilege per job, concurrency, pip caching, the setup
command, the preview artifacts; and Dependabot's configuration those of issue 21: weekly
updates of the locks' inputs and the actions, minor and patch grouped, majors alone, Chinese
labels, and a bot's pull request checked and previewed like anyone's. Checked by two
maintained tools (zizmor, and check-jsonschema with the schemas it ships) and by reading the YAML."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
DEPENDABOT = GITHUB / "dependabot.yml"
BIN = Path(sys.executable).parent

# The oldest major allowed per action: each runs on Node 24 from this major on
# (read from the actions' own repositories; the closing note of issue 13 has the details).
MINIMUM_MAJOR = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/upload-artifact": 6,
    "actions/upload-pages-artifact": 5,  # composite; wraps upload-artifact v7
    "actions/deploy-pages": 5,
    "actions/configure-pages": 6,
}


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def workflow(name):
    return load(GITHUB / "workflows" / name)


def triggers(data):
    return data.get("on", data.get(True))  # YAML 1.1 reads the key `on` as true


def steps(data):
    return [(job_id, step) for job_id, job in data["jobs"].items() for step in job.get("steps", [])]


def uses(data, action):
    return [step for _, step in steps(data) if step.get("uses", "").startswith(action + "@")]


# -----------------------------------------------------------------------------
# Maintained tools
# -----------------------------------------------------------------------------


def test_zizmor_finds_nothing_in_the_workflows_and_dependabots_configuration():
    proc = subprocess.run(
        [
            BIN / "zizmor",
            "--offline",
            "--persona",
            "auditor",
            "--no-progress",
            "--config",
            GITHUB / "zizmor.yml",
            DEPENDABOT,
            *WORKFLOWS,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize(
    "schema, files",
    [
        ("vendor.github-workflows", [str(p) for p in WORKFLOWS]),
        (
            "vendor.github-issue-forms",
            [str(p) for p in sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml")) if p.name != "config.yml"],
        ),
        ("vendor.github-issue-config", [str(GITHUB / "ISSUE_TEMPLATE" / "config.yml")]),
        ("vendor.dependabot", [str(DEPENDABOT)]),
    ],
)
def test_workflows_and_issue_forms_match_githubs_schemas(schema, files):
    assert files
    proc = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *files], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


# -----------------------------------------------------------------------------
# Actions: current majors, pinned by major
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_a_known_one_pinned_by_a_current_major(path):
    for job_id, step in steps(load(path)):
        if "uses" not in step:
            continue
        m = re.fullmatch(r"(?P<action>[\w.-]+/[\w.-]+)@v(?P<major>\d+)", step["uses"])
        assert m, f"{path.name} {job_id}: {step['uses']} is not pinned by major version (@vN)"
        assert m["action"] in MINIMUM_MAJOR, f"{path.name}: {m['action']} has no minimum major here"
        assert int(m["major"]) >= MINIMUM_MAJOR[m["action"]], f"{path.name}: {step['uses']} is too old"


def test_the_pages_workflow_uses_the_official_pages_actions():
    pages = workflow("pages.yml")
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert uses(pages, action), action


# -----------------------------------------------------------------------------
# Least privilege
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_the_default_token_only_reads_the_repository(path):
    assert load(path)["permissions"] == {"contents": "read"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_only_the_pages_deploy_job_may_write_and_it_runs_no_repository_code(path):
    data = load(path)
    for job_id, job in data["jobs"].items():
        writes = {scope for scope, level in (job.get("permissions") or {}).items() if level == "write"}
        if path.name == "pages.yml" and job_id == "deploy":
            assert job["permissions"] == {"pages": "write", "id-token": "write"}
            assert all("run" not in step for step in job["steps"])  # only the deploy action
            assert not any(step.get("uses", "").startswith("actions/checkout@") for step in job["steps"])
        else:
            assert not writes, f"{path.name} {job_id} may write {writes}"


def test_checkouts_do_not_keep_the_token_on_disk():
    for path in WORKFLOWS:
        for step in uses(load(path), "actions/checkout"):
            assert step.get("with", {}).get("persist-credentials") is False, path.name


# -----------------------------------------------------------------------------
# Concurrency
# -----------------------------------------------------------------------------


def test_a_new_push_cancels_the_superseded_pull_request_run():
    checks = workflow("checks.yml")
    assert list(triggers(checks)) == ["pull_request"]
    assert checks["concurrency"]["cancel-in-progress"] is True
    assert "github.event.pull_request.number" in checks["concurrency"]["group"]  # one group per pull request


def test_a_deploy_in_progress_is_never_cancelled():
    pages = workflow("pages.yml")
    assert pages["concurrency"]["cancel-in-progress"] is False
    for job in pages["jobs"].values():
        assert job.get("concurrency", {}).get("cancel-in-progress", False) is False


# -----------------------------------------------------------------------------
# Setup: pip cache, the project's own setup command
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_pip_downloads_are_cached_by_the_requirements_files(path):
    setups = uses(load(path), "actions/setup-python")
    assert setups
    for step in setups:
        options = step["with"]
        assert options["cache"] == "pip"
        covered = {p.name for p in ROOT.glob(options["cache-dependency-path"])}
        assert covered == {"requirements.txt", "requirements-test.txt"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_packages_fonts_and_browser_come_from_scripts_setup(path):
    runs = [step.get("run", "") for _, step in steps(load(path))]
    assert any(run.strip() == "scripts/setup --test" for run in runs)
    assert not any("apt-get" in run or "apt " in run for run in runs), "install through scripts/setup"
    for script in re.findall(r"scripts/[\w.-]+", " ".join(runs)):
        assert (ROOT / script).exists(), script


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_the_content_lint_and_the_whole_test_suite_run_and_tests_do_not_write_the_summary(path):
    runs = [step.get("run", "") for _, step in steps(load(path))]
    assert ".venv/bin/python -m overdue_guide.lint_content" in runs
    [pytest_run] = [run for run in runs if "pytest" in run]
    assert pytest_run == "env -u GITHUB_ACTIONS -u GITHUB_STEP_SUMMARY .venv/bin/python -m pytest"


def test_pages_builds_with_scripts_build_for_the_pages_address_and_uploads_site():
    pages = workflow("pages.yml")
    [build] = [step for _, step in steps(pages) if step.get("id") == "build"]
    assert "scripts/build" in build["run"]
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert build["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    [upload] = uses(pages, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"


# -----------------------------------------------------------------------------
# The preview
# -----------------------------------------------------------------------------


def test_every_pull_request_uploads_the_site_and_every_offline_download():
    checks = workflow("checks.yml")
    uploads = {step["with"]["path"]: step for step in uses(checks, "actions/upload-artifact")}
    assert "site/" in uploads
    for folder in ("site/download", "site/zh-Hans/download"):
        for ext in ("zip", "html", "pdf"):
            step = uploads[f"{folder}/*.{ext}"]
            assert step["with"]["archive"] is False  # downloaded as the file itself, not a zip
            assert f"hashFiles('{folder}/*.{ext}')" in step["if"]
    for step in uploads.values():
        assert "steps.build.outcome == 'success'" in step["if"]


def test_the_preview_summary_gets_a_link_for_every_upload():
    checks = workflow("checks.yml")
    ids = {step["id"] for step in uses(checks, "actions/upload-artifact")}
    [describe] = [step for _, step in steps(checks) if "overdue_guide.preview" in step.get("run", "")]
    linked = set(re.findall(r"steps\.([\w-]+)\.outputs\.artifact-url", " ".join(describe["env"].values())))
    assert linked == ids


def test_the_build_step_runs_scripts_build_which_annotates_its_own_problems():
    # scripts/build reports through overdue_guide.report (tests/build/test_publishing_annotations.py).
    for path in WORKFLOWS:
        [build] = [step for _, step in steps(load(path)) if step.get("id") == "build"]
        assert build["run"] == "scripts/build"


# -----------------------------------------------------------------------------
# Dependabot: kept current, and a bot's pull request checked like anyone's
# -----------------------------------------------------------------------------


def dependabot_updates():
    return {update["package-ecosystem"]: update for update in load(DEPENDABOT)["updates"]}


def test_dependabot_watches_the_locks_inputs_lighthouse_and_the_workflows_actions_every_week():
    updates = dependabot_updates()
    assert set(updates) == {"pip", "npm", "github-actions"}
    assert (ROOT / updates["pip"]["directory"].lstrip("/") / "requirements.in").is_file()
    assert (ROOT / updates["npm"]["directory"].lstrip("/") / "package-lock.json").is_file()
    assert updates["github-actions"]["directory"] == "/"  # Dependabot reads .github/workflows from there
    for update in updates.values():
        assert update["schedule"]["interval"] == "weekly"


def test_minor_and_patch_releases_come_grouped_and_each_major_alone():
    for ecosystem, update in dependabot_updates().items():
        [group] = update["groups"].values()
        assert sorted(group["update-types"]) == ["minor", "patch"], ecosystem  # a major matches no group
        assert set(group) == {"update-types"}, ecosystem  # every package, whatever its name


def test_dependabots_labels_are_chinese_shared_and_say_the_ecosystem():
    labels = {ecosystem: update["labels"] for ecosystem, update in dependabot_updates().items()}
    assert all(re.search(r"[\u4e00-\u9fff]", label) for each in labels.values() for label in each)
    [shared] = set.intersection(*map(set, labels.values()))  # one label finds every update
    own = [tuple(set(each) - {shared}) for each in labels.values()]
    assert all(len(o) == 1 for o in own) and len(set(own)) == len(own)  # and one more per ecosystem
    # They are created by hand in the repository: the file says which.
    [note] = [line for line in DEPENDABOT.read_text(encoding="utf-8").splitlines() if "Labels" in line]
    assert all(label in note for each in labels.values() for label in each)


def test_a_bots_pull_request_gets_the_same_checks_preview_and_summary():
    # Dependabot's pull requests run pull_request workflows with a read-only token and without
    # the repository's secrets: the checks must need neither, nor skip or filter a bot's run.
    checks = workflow("checks.yml")
    assert triggers(checks) == {"pull_request": None}  # no paths, branches or types filter
    text = (GITHUB / "workflows" / "checks.yml").read_text(encoding="utf-8")
    assert "secrets." not in text and "pull_request_target" not in text
    conditions = [str(step.get("if", "")) for _, step in steps(checks)]
    conditions += [str(job.get("if", "")) for job in checks["jobs"].values()]
    assert not [c for c in conditions if re.search(r"actor|dependabot|user\.login|head_ref|\[bot\]", c)]
