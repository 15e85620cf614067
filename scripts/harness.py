"""What the Python scripts under scripts/ share: where the repository is, the built binaries, the sample district's
configuration, and the journal catalog's message ids. Imported as `harness` (Python puts the running script's
directory first on the module path)."""

import os
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO = os.path.join(REPO, "demo", "chi-lang")
CATALOG = os.path.join(REPO, "systemd", "inspectd.catalog")
PROGRAM = os.path.basename(sys.argv[0])


def fail_setup(message):
    """Stops the script on a setup problem, with exit status 2 (a failed check is 1)."""
    print(f"{PROGRAM}: {message}", file=sys.stderr)
    sys.exit(2)


def binaries(bin_dir=None):
    """The directory holding inspectd and inspectctl: `bin_dir` when given, else swift build's, built now."""
    if bin_dir:
        return bin_dir
    for product in ("inspectd", "inspectctl"):
        subprocess.run(["swift", "build", "--product", product], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    return subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, check=True, capture_output=True,
                          text=True).stdout.strip()


def sample_environment(state):
    """Copies the sample district's configuration into `state` and returns the environment to run inspectctl and
    inspectd with there: that configuration, a UTF-8 locale, and no database or socket inherited from the caller."""
    config = os.path.join(state, "inspectd.conf")
    shutil.copy(os.path.join(DEMO, "inspectd.conf"), config)
    env = dict(os.environ, INSPECTD_CONFIG=config, LANG="C.UTF-8")
    env.pop("INSPECTD_DATABASE", None)
    env.pop("INSPECTD_SOCKET", None)
    return env


def sample_offices():
    """The sample district's office codes, in the file's order."""
    with open(os.path.join(DEMO, "offices.csv")) as offices:
        return [line.split(",")[0] for line in offices][1:]


def message_id(subject):
    """The MESSAGE_ID systemd/inspectd.catalog gives the event with this English subject."""
    current = None
    with open(CATALOG) as catalog:
        for line in catalog:
            words = line.split()
            if len(words) == 2 and words[0] == "--":
                current = words[1]
            elif line.rstrip("\n") == f"Subject: {subject}" and current:
                return current
    fail_setup(f"no entry with 'Subject: {subject}' in {CATALOG}")
