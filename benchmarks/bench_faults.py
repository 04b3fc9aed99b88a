"""runlog under the faults of the world around a run: kills, full and read-only disks,
concurrent runs, odd dates and odd characters; how many hold.

    python -m benchmarks.bench_faults [--only GROUP ...] [--scale CASE ...] [--keep FOLDER]
                                      [--code FOLDER]

Each experiment runs `runlog` in fresh processes, as a user would, on a generated coach's
folder (benchmarks/synthetic.py) or on small files made here, and says whether the fault held
(the run gave a correct result, or one clear line and the previous output intact) with the
figures behind it. Full and read-only folders are real: a small tmpfs and a read-only bind
mount in a private mount namespace (`unshare --mount --map-root-user`); on a machine where
that is not allowed those experiments are skipped and said so.

`--code` runs the runlog of another checkout (`git archive COMMIT | tar -x -C FOLDER`), to
measure the code before a change with the same experiments. The last lines count the
experiments that held. Nothing here changes the user's files or
cache; everything is made under one temporary folder and removed.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from tests.processes import PRIVATE_MOUNTS, can_unshare, descendants, is_alive

REPOSITORY = Path(__file__).resolve().parents[1]
CODE = [REPOSITORY]  # the runlog under test (--code)
RUNLOG = [sys.executable, "-c", "from analyzer.cli import main; main()"]
TABLES = ("activities", "notes", "findings", "weekly")


@dataclasses.dataclass
class Outcome:
    name: str
    held: bool | None  # None: could not be tried here
    figures: str


def environment(cache: Path | str, **more: str) -> dict[str, str]:
    settings = {**os.environ, "PYTHONPATH": str(CODE[0]), "RUNLOG_CACHE": str(cache)}
    settings.pop("RUNLOG_WORKERS", None)
    return {**settings, **more}


def run(
    args: list[str], env: dict[str, str], timeout_s: float = 300
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*RUNLOG, *args], env=env, capture_output=True, text=True, timeout=timeout_s
    )


def fresh(folder: Path) -> Path:
    """An empty folder (what an earlier --keep run left there is removed)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def in_namespace(setup: str, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """`runlog ARGS` after `setup` (shell: mounts) in a private mount namespace."""
    command = f"{setup} && exec {shlex.join([*RUNLOG, *args])}"
    return subprocess.run(
        [*PRIVATE_MOUNTS, "sh", "-c", command],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def full_folder(folder: Path, size_kb: int = 64) -> str:
    return f"mount -t tmpfs -o size={size_kb}k tmpfs {shlex.quote(str(folder))}"


def read_only(folder: Path) -> str:
    quoted = shlex.quote(str(folder))
    return f"mount --bind {quoted} {quoted} && mount -o remount,bind,ro {quoted}"


def dataset_state(out: Path) -> dict[str, object]:
    """Each table's athletes and rows as pandas reads it, or why it cannot."""
    import pandas as pd

    state: dict[str, object] = {}
    for table in TABLES:
        try:
            frame = pd.read_parquet(out / table)
            state[table] = (sorted(frame["athlete"].astype(str).unique()), len(frame))
        except Exception as err:
            state[table] = f"unreadable: {type(err).__name__}"
    return state


def temporaries(folder: Path) -> int:
    return sum(1 for path in folder.rglob("*") if ".tmp" in path.name or "staging" in path.name)


# ---- outputs --------------------------------------------------------------------------------


def kills_during_import(base: Path, cohort: Path, cache: Path) -> Outcome:
    out = base / "killed-out"
    shutil.rmtree(out, ignore_errors=True)
    env = environment(cache)
    first = run(["import", str(cohort), "-o", f"{out}/", "--samples"], env)
    expected = dataset_state(out)
    started = time.perf_counter()
    run(["import", str(cohort), "-o", f"{out}/", "--samples"], env)
    warm_s = time.perf_counter() - started
    broken = []
    for point in range(20):
        delay_s = warm_s * (0.3 + 0.7 * point / 19)
        process = subprocess.Popen(
            [*RUNLOG, "import", str(cohort), "-o", f"{out}/", "--samples"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay_s)
        process.kill()
        process.wait()
        state = dataset_state(out)
        if state != expected:
            broken.append(point)
    left = temporaries(out)
    run(["import", str(cohort), "-o", f"{out}/", "--samples"], env)
    after = temporaries(out)
    return Outcome(
        "kill import -o OUT/ at 20 points, then pandas reads every table",
        first.returncode == 0 and not broken and after == 0,
        f"first exit {first.returncode}; warm run {warm_s:.1f} s; {len(broken)} of 20 kills "
        f"left a table unreadable or an athlete missing ({broken}); temporaries after the "
        f"kills {left}, after the next run {after}",
    )


def reads_during_rewrite(base: Path, cohort: Path, cache: Path) -> Outcome:
    import pandas as pd

    out = base / "read-out"
    shutil.rmtree(out, ignore_errors=True)
    env = environment(cache)
    run(["import", str(cohort), "-o", f"{out}/"], env)
    expected = pd.read_parquet(out / "weekly")
    athletes, rows = set(expected["athlete"].astype(str)), len(expected)
    done = threading.Event()
    reads, wrong, missing = 0, 0, 0

    def writer() -> None:
        for _ in range(4):
            run(["import", str(cohort), "-o", f"{out}/"], env)
        done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    while not done.is_set():
        reads += 1
        try:
            frame = pd.read_parquet(out / "weekly")
        except Exception:
            wrong += 1
            continue
        seen = set(frame["athlete"].astype(str))
        if seen != athletes or len(frame) != rows:
            wrong += 1
            missing += seen != athletes
    thread.join()
    return Outcome(
        "pandas reads OUT/weekly while import -o OUT/ rewrites it",
        wrong == 0,
        f"{wrong} of {reads} reads wrong ({missing} missing an athlete)",
    )


def output_faults(base: Path, cohort: Path, cache: Path, namespaces: bool) -> list[Outcome]:
    """import -o OUT/, import -o FILE and report -o FILE into a full and a read-only folder."""
    outcomes = []
    env = environment(cache)
    sample = REPOSITORY / "sample_data"
    # the datasets written before hold one athlete of the cohort: the new ones need more room
    # than the old ones free, whichever way they are written
    one = fresh(base / "cohort-of-one")
    first = sorted(path for path in cohort.iterdir() if path.is_dir())[0]
    shutil.copytree(first, one / first.name)
    cases = [
        ("import -o OUT/", [str(cohort)], [str(one)], "out/", "import"),
        ("import -o runs.csv", [str(sample)], [str(sample)], "runs.csv", "import"),
        ("report -o page.html", [str(sample)], [str(sample)], "page.html", "report"),
    ]
    for label, inputs, earlier, name, command in cases:
        for fault in ("full", "read-only"):
            folder = base / f"{fault}-{command}-{name.strip('/').replace('.', '-')}"
            fresh(folder)
            target = folder / name
            extra = ["--force"] if not name.endswith("/") else []
            before = run([command, *earlier, "-o", str(target), *extra], env)
            snapshot = _snapshot(folder)
            if not namespaces:
                outcomes.append(Outcome(f"{label} into a {fault} folder", None, "no unshare"))
                continue
            if fault == "full":
                # the folder's files, copied into a tmpfs just big enough for them
                keep = base / f"keep-{folder.name}"
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(folder, keep)
                used_kb = sum(p.stat().st_size for p in keep.rglob("*") if p.is_file()) // 1024
                quoted = shlex.quote(str(folder))
                setup = (
                    f"{full_folder(folder, used_kb + 256)} && cp -a {shlex.quote(str(keep))}/. "
                    f"{quoted} && (dd if=/dev/zero of={quoted}/filler bs=4k 2>/dev/null; true)"
                )
                # the check of what is left happens inside the namespace, after the run
                script = base / f"after-{folder.name}.py"
                script.write_text(_SNAPSHOT_SCRIPT)
                command_line = shlex.join([*RUNLOG, command, *inputs, "-o", str(target), *extra])
                shell = (
                    f"{setup}; {command_line} > {base}/o.txt 2> {base}/e.txt; echo $? > "
                    f"{base}/rc.txt; rm -f {shlex.quote(str(folder))}/filler; "
                    f"{sys.executable} {script} {shlex.quote(str(folder))} > {base}/snap.txt"
                )
                subprocess.run(
                    [*PRIVATE_MOUNTS, "sh", "-c", shell],
                    env=env,
                    timeout=300,
                    check=False,
                )
                code = int((base / "rc.txt").read_text())
                error = (base / "e.txt").read_text()
                after = json.loads((base / "snap.txt").read_text())
            else:
                result = in_namespace(
                    read_only(folder), [command, *inputs, "-o", str(target), *extra], env
                )
                code, error, after = result.returncode, result.stderr, _snapshot(folder)
            lines = [line for line in error.splitlines() if line.strip()]
            intact = after == snapshot
            held = before.returncode in (0, 1) and code == 2 and len(lines) <= 2 and intact
            outcomes.append(
                Outcome(
                    f"{label} into a {fault} folder",
                    held,
                    f"exit {code}; {len(lines)} line(s) {lines[-1][:110] if lines else ''!r}; "
                    f"previous output {'intact' if intact else 'CHANGED'}",
                )
            )
    return outcomes


_SNAPSHOT_SCRIPT = """
import hashlib, json, sys
from pathlib import Path
folder = Path(sys.argv[1])
print(json.dumps({str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
                  for p in sorted(folder.rglob('*')) if p.is_file() and p.name != 'filler'}))
"""


def _snapshot(folder: Path) -> dict[str, str]:
    import hashlib

    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "filler"
    }


def concurrent_imports(base: Path, cohort: Path) -> Outcome:
    out = base / "concurrent-out"
    cache = base / "concurrent-cache"
    for folder in (out, cache):
        shutil.rmtree(folder, ignore_errors=True)
    env = environment(cache)
    processes = [
        subprocess.Popen(
            [*RUNLOG, "import", str(cohort), "-o", f"{out}/"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    codes, errors = [], []
    for process in processes:
        _, error = process.communicate(timeout=600)
        codes.append(process.returncode)
        errors += error.splitlines()[-1:] if process.returncode else []
    state = dataset_state(out)
    complete = all(not isinstance(value, str) for value in state.values())
    return Outcome(
        "four concurrent cold import -o OUT/ into one folder",
        codes == [0] * 4 and complete and temporaries(out) == 0,
        f"exits {codes}; {errors[:1]}; datasets {'readable' if complete else state}",
    )


def long_athlete_name(base: Path, cache: Path) -> Outcome:
    import pandas as pd

    from benchmarks.synthetic import write_cohort

    cohort = base / "long-names"
    shutil.rmtree(cohort, ignore_errors=True)
    write_cohort(cohort, 2, 2)
    name = "長距離走者" * 7 + "山"  # 36 characters
    (cohort / "athlete-0000").rename(cohort / name)
    out = base / "long-out"
    shutil.rmtree(out, ignore_errors=True)
    result = run(["import", str(cohort), "-o", f"{out}/"], environment(cache))
    try:
        athletes = sorted(set(pd.read_parquet(out / "activities")["athlete"].astype(str)))
    except Exception as err:
        athletes = [f"unreadable: {type(err).__name__}"]
    reader = (
        "import json, sys; from analyzer import datasets; "
        "print(json.dumps(sorted(set(datasets.read_table(sys.argv[1], 'activities')['athlete']))))"
    )
    listed = subprocess.run(
        [sys.executable, "-c", reader, str(out)],
        env=environment(cache),
        capture_output=True,
        text=True,
    )
    ours = json.loads(listed.stdout) if listed.returncode == 0 else []
    return Outcome(
        "an athlete folder named with 36 Japanese characters",
        result.returncode == 0 and name in ours and len(athletes) == 2,
        f"exit {result.returncode} {result.stderr.strip()[-100:]!r}; pandas reads "
        f"{len(athletes)} athletes; runlog's reader "
        f"{'names the athlete' if name in ours else 'does NOT name the athlete'}",
    )


# ---- the cache ------------------------------------------------------------------------------


def cache_faults(base: Path, namespaces: bool) -> list[Outcome]:
    sample = REPOSITORY / "sample_data"
    good = run(["check", str(sample)], environment(base / "good-cache"))
    outcomes = []
    for fault in ("read-only", "full"):
        for command in ("check", "report", "import"):
            if not namespaces:
                outcomes.append(Outcome(f"{command} with a {fault} cache", None, "no unshare"))
                continue
            cache = base / f"cache-{fault}-{command}"
            fresh(cache)
            if fault == "read-only":
                (cache / "results").mkdir()
                setup = read_only(cache)
            else:
                setup = f"{full_folder(cache, 96)}"
            out = base / f"cache-out-{fault}-{command}"
            fresh(out)
            args = {
                "check": ["check", str(sample)],
                "report": ["report", str(sample), "-o", str(out / "page.html")],
                "import": ["import", str(sample), "-o", str(out / "runs.csv")],
            }[command]
            # twice: the second run finds what the first could (not) keep
            shell_setup = setup
            first = in_namespace(shell_setup, args, environment(cache))
            same = first.stdout == good.stdout if command == "check" else True
            written = command == "check" or any(out.iterdir())
            noise = [line for line in first.stderr.splitlines() if line.strip()]
            held = first.returncode == 0 and same and written and len(noise) <= 1
            outcomes.append(
                Outcome(
                    f"{command} with a {fault} cache folder",
                    held,
                    f"exit {first.returncode}; output "
                    f"{'as with a good cache' if same and written else 'WRONG or missing'}; "
                    f"{len(noise)} line(s) on stderr {noise[-1][:100] if noise else ''!r}",
                )
            )
    return outcomes


def cache_full_temporaries(base: Path, cohort: Path, namespaces: bool) -> Outcome:
    if not namespaces:
        return Outcome("temporaries after a full cache disk", None, "no unshare")
    cache = base / "cache-full-temps"
    fresh(cache)
    count = base / "count.txt"
    command = shlex.join([*RUNLOG, "check", str(cohort)])
    shell = (
        f"{full_folder(cache, 2048)} && {command} > /dev/null 2> {base}/err.txt; "
        f"echo $? > {base}/rc.txt; find {shlex.quote(str(cache))} -name '*.tmp' | wc -l > {count}; "
        f"{command} > /dev/null 2>&1; "
        f"find {shlex.quote(str(cache))} -name '*.tmp' | wc -l >> {count}"
    )
    subprocess.run(
        [*PRIVATE_MOUNTS, "sh", "-c", shell],
        env=environment(cache),
        timeout=600,
        check=False,
    )
    first, second = (int(line) for line in count.read_text().split())
    code = int((base / "rc.txt").read_text())
    return Outcome(
        "check of a cohort with a cache disk that fills",
        code == 0 and second == 0,
        f"exit {code}; temporaries left {first}, after the next run {second}",
    )


def vanished_cache(base: Path, cohort: Path) -> Outcome:
    cache = base / "vanishing-cache"
    shutil.rmtree(cache, ignore_errors=True)
    env = environment(cache)
    good = run(["check", str(cohort)], environment(base / "good-cache-2"))
    process = subprocess.Popen(
        [*RUNLOG, "check", str(cohort)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.5)
    shutil.rmtree(cache, ignore_errors=True)
    output, error = process.communicate(timeout=600)
    return Outcome(
        "the cache folder removed during a check",
        process.returncode == good.returncode and output == good.stdout,
        f"exit {process.returncode}; output "
        f"{'as with a good cache' if output == good.stdout else 'DIFFERENT'}; "
        f"{len(error.splitlines())} line(s) on stderr",
    )


def concurrent_cache(base: Path, cohort: Path) -> Outcome:
    cache = base / "shared-cache"
    shutil.rmtree(cache, ignore_errors=True)
    env = environment(cache)
    processes = [
        subprocess.Popen(
            [*RUNLOG, "check", str(cohort), "--format", "json"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [process.communicate(timeout=600) for process in processes]
    codes = [process.returncode for process in processes]
    outputs = {output for output, _ in results}
    return Outcome(
        "four concurrent cold checks sharing one cache folder",
        codes == [0] * 4 and len(outputs) == 1 and temporaries(cache) == 0,
        f"exits {codes}; {len(outputs)} distinct outputs; temporaries left {temporaries(cache)}",
    )


# ---- exits ----------------------------------------------------------------------------------


def orphans(base: Path, cohort: Path, how: int) -> Outcome:
    cache = base / f"orphan-cache-{how}"
    shutil.rmtree(cache, ignore_errors=True)
    process = subprocess.Popen(
        [*RUNLOG, "check", str(cohort)],
        env=environment(cache),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2:
        workers |= descendants(process.pid)
        time.sleep(0.1)
    time.sleep(0.5)
    workers |= descendants(process.pid)
    process.send_signal(how)
    killed_at = time.monotonic()
    try:
        _, error = process.communicate(timeout=10)
        hung = False
    except subprocess.TimeoutExpired:
        hung = True
        error = ""
    time.sleep(max(0.0, 2.0 - (time.monotonic() - killed_at)))
    alive = [pid for pid in workers if is_alive(pid)]
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    if hung:
        process.kill()
        process.communicate()
    lines = [line for line in error.splitlines() if line.strip()]
    name = signal.Signals(how).name
    expected = {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGKILL: -9}[how]
    held = bool(workers) and not alive and not hung and process.returncode == expected
    if how != signal.SIGKILL:
        held = held and len(lines) == 1
    return Outcome(
        f"{name} during a parallel read",
        held,
        f"{len(workers)} workers; {len(alive)} alive 2 s later; the caller's pipe "
        f"{'HUNG' if hung else 'closed'}; exit {process.returncode}; "
        f"{len(lines)} line(s) {lines[-1][:80] if lines else ''!r}",
    )


# ---- notes ----------------------------------------------------------------------------------


def _check_json(paths: list[Path], cache: Path, *extra: str) -> tuple[dict, str, int]:
    result = run(["check", *map(str, paths), "--format", "json", *extra], environment(cache))
    try:
        return json.loads(result.stdout), result.stderr, result.returncode
    except json.JSONDecodeError:
        return {}, result.stderr, result.returncode


def _fit_run(folder: Path, day: dt.date, name: str = "run.fit") -> Path:
    from benchmarks.synthetic import PlannedRun, watch_fit

    planned = PlannedRun(day, 7, 10.0, 170.0)
    path = folder / name
    path.write_bytes(watch_fit(planned, "Europe/Copenhagen", 55.68, 12.57, (5,), seed=1))
    return path


def _notes(document: dict) -> dict[str, str]:
    found = {}
    for athlete in document.get("athletes", []):
        for finding in athlete.get("findings", []):
            if finding["rule"] == "knee-pain-note":
                found[finding["date"]] = finding["message"]
    return found


def notes_faults(base: Path, cache: Path) -> list[Outcome]:
    outcomes = []
    folder = base / "nul-journal"
    fresh(folder)
    _fit_run(folder, dt.date(2026, 3, 2))
    (folder / "journal.md").write_bytes(
        b"2026-03-01 easy\x00 run\n2026-03-03 left knee sore, 4/10\n2026-03-04 right knee "
        b"aching on the stairs, 5/10\n"
    )
    document, _, code = _check_json([folder], cache)
    dates = sorted(_notes(document))
    notices = [
        item.get("error") or item.get("notice", "")
        for item in [*document.get("errors", []), *document.get("notices", [])]
        if "journal" in item["path"]
    ]
    outcomes.append(
        Outcome(
            "one NUL byte near the start of journal.md",
            dates == ["2026-03-03", "2026-03-04"] and bool(notices),
            f"knee notes read on {dates}; {len(notices)} notice(s) "
            f"{[notice[:80] for notice in notices]}",
        )
    )

    folder = base / "nul-csv"
    fresh(folder)
    rows = ["date,distance_km,notes"] + [f"2026-03-{day:02d},10,easy run" for day in range(1, 15)]
    rows[5] = "2026-03-05,10,left knee sore\x00 4/10"
    (folder / "log.csv").write_bytes(("\n".join(rows) + "\n").encode())
    document, _, code = _check_json([folder], cache)
    runs = sum(athlete.get("activities", 0) for athlete in document.get("athletes", []))
    notes = _notes(document)
    outcomes.append(
        Outcome(
            "a NUL in one CSV cell",
            runs == 14 and "2026-03-05" in notes,
            f"{runs} of 14 runs read; knee note of 5 March "
            f"{'read' if notes else 'LOST'}; exit {code}",
        )
    )

    folder = base / "impossible-date"
    fresh(folder)
    _fit_run(folder, dt.date(2026, 3, 2))
    (folder / "journal.md").write_text(
        "2026-02-28 easy run, knees fine\n2026-02-30 right knee swollen, gave way 8/10\n"
        "2026-03-03 knee fine\n"
    )
    document, _, _ = _check_json([folder], cache)
    notes = _notes(document)
    problems = [e["error"] for e in document.get("errors", []) if "journal" in e["path"]]
    outcomes.append(
        Outcome(
            "2026-02-30 right knee swollen, gave way 8/10",
            "2026-02-28" not in notes and bool(problems),
            f"knee notes on {sorted(notes)}; {problems[:1]}",
        )
    )

    folder = base / "future"
    fresh(folder)
    today = dt.date.today()
    for offset in (3, 2, 1):
        _fit_run(folder, today - dt.timedelta(days=offset), f"run-{offset}.fit")
    _fit_run(folder, dt.date(2031, 5, 4), "wrong-clock.fit")
    document, _error, code = _check_json([folder], cache)
    as_of = document.get("as_of")
    named = [e for e in document.get("errors", []) if "wrong-clock" in e["path"]]
    outcomes.append(
        Outcome(
            "one activity dated 2031 (a watch with a wrong clock)",
            as_of is not None and as_of <= today.isoformat() and bool(named),
            f"as of {as_of} (today {today}); {named[:1]}",
        )
    )
    return outcomes


# ---- --profile --------------------------------------------------------------------------------


def profile_sources(base: Path, cache: Path) -> list[Outcome]:
    """`--profile` from a process substitution and from standard input (twice each, the cache
    on: the second run finds its result kept), a FIFO nobody writes to, and /dev/zero."""
    data = base / "profile-data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(REPOSITORY / "sample_data", data, ignore=shutil.ignore_patterns("runlog.toml"))
    miles = base / "miles.toml"
    miles.write_text('athlete = "sam"\nunits = "miles"\n')
    env = environment(cache)
    command = shlex.join([*RUNLOG, "check", str(data)])
    outcomes = []
    for label, runner in (
        (
            "--profile <(cat miles.toml)",
            lambda: subprocess.run(
                ["bash", "-c", f"{command} --profile <(cat {shlex.quote(str(miles))})"],
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            ),
        ),
        (
            "--profile /dev/stdin",
            lambda: subprocess.run(
                [*RUNLOG, "check", str(data), "--profile", "/dev/stdin"],
                input=miles.read_text(),
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
            ),
        ),
    ):
        applied = []
        for _ in range(2):
            result = runner()
            applied.append(result.returncode == 0 and " mi" in result.stdout)
        outcomes.append(
            Outcome(
                f"{label}, twice with the cache on",
                all(applied),
                f"the profile's miles applied in {sum(applied)} of 2 runs",
            )
        )
    fifo = base / "silent.fifo"
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    for label, named in (("a FIFO nobody writes to", fifo), ("/dev/zero", Path("/dev/zero"))):
        started = time.perf_counter()
        try:
            result = run(["check", str(data), "--profile", str(named)], env, timeout_s=60)
        except subprocess.TimeoutExpired:
            outcomes.append(Outcome(f"--profile {label}", False, "still running after 60 s"))
            continue
        took_s = time.perf_counter() - started
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        said = lines[-1][:100] if lines else ""
        outcomes.append(
            Outcome(
                f"--profile {label}",
                result.returncode == 2 and len(lines) == 1,
                f"exit {result.returncode} after {took_s:.1f} s; {said!r}",
            )
        )
    return outcomes


# ---- smaller ones ---------------------------------------------------------------------------


def dst_runs(base: Path, cache: Path) -> Outcome:
    """Two runs in the hour that repeats when clocks go back (Copenhagen, 26 Oct 2025,
    02:00-03:00 twice), from a hand log that gives local times only, with the profile's zone."""
    folder = base / "dst"
    fresh(folder)
    (folder / "runlog.toml").write_text('timezone = "Europe/Copenhagen"\n')
    (folder / "log.csv").write_text(
        "date,time,distance_km,duration\n"
        "2025-10-19,08:00,10,60\n"
        "2025-10-26,02:10,5,30\n"
        "2025-10-26,02:50,6,30\n"
    )
    document, _error, _code = _check_json([folder], cache)
    runs = sum(athlete.get("activities", 0) for athlete in document.get("athletes", []))
    return Outcome("two runs in the repeated DST hour", runs == 3, f"{runs} of 3 runs kept")


def newline_name(base: Path, cache: Path) -> Outcome:
    folder = base / "newline-name"
    fresh(folder)
    _fit_run(folder, dt.date(2026, 3, 2))
    (folder / "bad\nother.fit: is empty (forged)\nx.fit").write_bytes(b"not a fit file at all")
    result = run(["check", str(folder)], environment(cache))
    forged = [line for line in result.stderr.splitlines() if line.startswith("other.fit")]
    return Outcome(
        "a newline in a file name", not forged, f"{len(forged)} forged line(s) on stderr"
    )


def bidi_notes(base: Path, cache: Path) -> Outcome:
    folder = base / "bidi"
    fresh(folder)
    _fit_run(folder, dt.date(2026, 3, 2))
    spoof = "left knee fine \u202e01/8 niap\u202c"
    (folder / "journal.md").write_text(
        f"2026-03-03 {spoof}\n2026-03-04 knee sore, 3/10 \u2067x\u2069\n"
    )
    env = environment(cache)
    page = base / "bidi.html"
    table = base / "bidi.csv"
    text = run(["check", str(folder)], env).stdout
    csv_out = run(["check", str(folder), "--format", "csv"], env).stdout
    run(["report", str(folder), "-o", str(page)], env)
    html = page.read_text() if page.exists() else ""
    run(["import", str(folder), "-o", str(table)], env)
    bidi = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
    where = [
        name
        for name, output in (("terminal", text), ("csv", csv_out), ("html", html))
        if bidi.search(output)
    ]
    return Outcome(
        "bidirectional controls in notes", not where, f"raw controls reach: {where or 'none'}"
    )


def rust_panic(base: Path, cache: Path) -> Outcome:
    folder = base / "panic"
    fresh(folder)
    from tests.fitwriter import crafted_developer_field_fit

    (folder / "crafted.fit").write_bytes(crafted_developer_field_fit())
    result = run(["check", str(folder)], environment(cache))
    hits = sum(
        1 for line in result.stderr.splitlines() if "panicked" in line or "RUST_BACKTRACE" in line
    )
    return Outcome(
        "fitfast's panic text on a crafted FIT",
        hits == 0,
        f"{hits} panic line(s); exit {result.returncode}; {result.stderr.splitlines()[-1][:100]!r}",
    )


def read_only_home(base: Path, cache: Path, namespaces: bool) -> Outcome:
    home = base / "home"
    fresh(home)
    page = base / "home-page.html"
    env = environment(cache, HOME=str(home))
    env.pop("MPLCONFIGDIR", None)
    env.pop("XDG_CACHE_HOME", None)
    env.pop("XDG_CONFIG_HOME", None)
    if not namespaces:
        return Outcome("matplotlib with a read-only HOME", None, "no unshare")
    result = in_namespace(
        read_only(home), ["report", str(REPOSITORY / "sample_data"), "-o", str(page)], env
    )
    noise = [
        line
        for line in result.stderr.splitlines()
        if "matplotlib" in line.lower() or "Matplotlib" in line
    ]
    return Outcome(
        "matplotlib with a read-only HOME",
        not noise and result.returncode == 0,
        f"exit {result.returncode}; {len(noise)} matplotlib line(s)",
    )


def out_of_memory(base: Path, cache: Path) -> Outcome:
    """An import in a process limited to 600 MB of address space... of a 40 MB GPX."""
    folder = base / "oom"
    fresh(folder)
    points = "".join(
        f'<trkpt lat="55.{index:06d}" lon="12.{index:06d}"><time>2026-03-02T07:'
        f"{(index // 60) % 60:02d}:{index % 60:02d}Z</time></trkpt>"
        for index in range(400_000)
    )
    (folder / "big.gpx").write_text(
        f'<?xml version="1.0"?><gpx version="1.1" creator="x"><trk><trkseg>{points}'
        "</trkseg></trk></gpx>"
    )
    limit = 700 * 1024 * 1024
    result = subprocess.run(
        [*RUNLOG, "check", str(folder)],
        env=environment(cache),
        capture_output=True,
        text=True,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)),
        timeout=300,
    )
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    said = " ".join(lines)
    held = "memory" in said and "not readable XML" not in said and "report" not in said
    return Outcome(
        "out of memory while reading a file",
        held,
        f"exit {result.returncode}; {lines[-1][:120] if lines else ''!r}",
    )


SCALE_CASES = ("gpx", "csv", "journal")


def scale(base: Path, cache: Path, cases: tuple[str, ...] = SCALE_CASES) -> list[Outcome]:
    """One huge file of each case (--scale picks some): a 1M-point GPX, a 1M-row CSV log,
    a 10 MB single-line journal."""
    outcomes = []
    folder = base / "scale"
    fresh(folder)
    start = dt.datetime(2026, 3, 2, 7, 0, tzinfo=dt.UTC)
    if "gpx" in cases:
        with (folder / "big.gpx").open("w") as stream:
            stream.write('<?xml version="1.0"?><gpx version="1.1" creator="x"><trk><trkseg>\n')
            for index in range(1_000_000):
                moment = start + dt.timedelta(seconds=index)
                stream.write(
                    f'<trkpt lat="{55 + index * 1e-6:.6f}" lon="12.500000"><time>'
                    f"{moment:%Y-%m-%dT%H:%M:%S}Z</time></trkpt>\n"
                )
            stream.write("</trkseg></trk></gpx>\n")
        outcomes.append(_measured("a 1M-point GPX", folder / "big.gpx", cache, 1536, None))
        (folder / "big.gpx").unlink()
    if "csv" in cases:
        with (folder / "log.csv").open(
            "w"
        ) as stream:  # a club's hand log: 100 runners x 10,000 days
            stream.write("athlete,date,time of day,distance_km,duration_min,notes\n")
            first_day = dt.date(1999, 6, 1)
            for athlete in range(100):
                for day in range(10_000):
                    stream.write(
                        f"runner-{athlete:03d},{first_day + dt.timedelta(days=day)},07:00,"
                        f"{8 + day % 5},{45 + day % 20},easy\n"
                    )
        outcomes.append(_measured("a 1M-row CSV log", folder / "log.csv", cache, 1536, None))
        (folder / "log.csv").unlink()
    if "journal" in cases:
        journal = folder / "journal.md"
        journal.write_text("2026-03-02 " + "left knee sore, 4/10 and some words " * 290_000 + "\n")
        outcomes.append(_measured("a 10 MB single-line journal", journal, cache, None, 2.0))
    return outcomes


_MEASURED = """
import json, resource, sys, time
from analyzer.cli import main
started = time.perf_counter()
sys.argv = ["runlog", "check", sys.argv[1], "--format", "json"]
try:
    main()
except SystemExit as exit:
    code = exit.code
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"exit": code, "s": time.perf_counter() - started,
                  "cpu_s": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}),
      file=sys.stderr)
"""


def _measured(
    label: str, path: Path, cache: Path, max_mb: float | None, max_s: float | None
) -> Outcome:
    size_mb = path.stat().st_size / 1e6
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, str(path)],
        env=environment("0"),
        capture_output=True,
        text=True,
        timeout=900,
    )
    figures = json.loads(result.stderr.strip().splitlines()[-1])
    # time on CPU: a machine that others load stretches the wall time, not the work
    held = (max_mb is None or figures["peak_mb"] <= max_mb) and (
        max_s is None or figures["cpu_s"] <= max_s
    )
    return Outcome(
        f"{label} ({size_mb:.0f} MB)",
        held and figures["exit"] in (0, 1),
        f"{figures['s']:.1f} s wall, {figures['cpu_s']:.1f} s CPU, peak "
        f"{figures['peak_mb']:.0f} MB, exit {figures['exit']}",
    )


# ---- main -----------------------------------------------------------------------------------


def _each(*experiments: Callable[[], Outcome | list[Outcome]]) -> Iterator[Outcome]:
    """Each experiment's outcomes as it ends (one that fails to run is an outcome too)."""
    for experiment in experiments:
        try:
            found = experiment()
        except Exception as err:  # the harness itself: say so and go on
            name = getattr(experiment, "func", experiment).__name__
            found = Outcome(name, None, f"could not be run: {err!r}")
        yield from found if isinstance(found, list) else [found]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="experiments whose group names these")
    parser.add_argument("--keep", type=Path, help="build here and keep it")
    parser.add_argument(
        "--scale",
        nargs="+",
        choices=SCALE_CASES,
        default=SCALE_CASES,
        help="the huge files the scale group reads (default: all)",
    )
    parser.add_argument("--athletes", type=int, default=12)
    parser.add_argument("--code", type=Path, help="the runlog checkout to run (default: this)")
    options = parser.parse_args()
    if options.code:
        CODE[0] = options.code.resolve()
    os.chdir(CODE[0])  # `python -c` puts the working folder first on the path: the code's
    from benchmarks.synthetic import write_cohort

    base = options.keep or Path(tempfile.mkdtemp(prefix="runlog-faults-"))
    base.mkdir(parents=True, exist_ok=True)
    cohort = base / "cohort"
    if not cohort.exists():
        write_cohort(cohort, options.athletes, 16)
    cache = base / "cache"
    namespaces = can_unshare()
    groups: dict[str, Callable[[], Iterator[Outcome]]] = {
        "outputs": lambda: _each(
            lambda: kills_during_import(base, cohort, cache),
            lambda: reads_during_rewrite(base, cohort, cache),
            lambda: output_faults(base, cohort, cache, namespaces),
            lambda: concurrent_imports(base, cohort),
            lambda: long_athlete_name(base, cache),
        ),
        "cache": lambda: _each(
            lambda: cache_faults(base, namespaces),
            lambda: cache_full_temporaries(base, cohort, namespaces),
            lambda: vanished_cache(base, cohort),
            lambda: concurrent_cache(base, cohort),
        ),
        "exits": lambda: _each(
            *(
                partial(orphans, base, cohort, how)
                for how in (signal.SIGTERM, signal.SIGKILL, signal.SIGINT)
            )
        ),
        "notes": lambda: _each(lambda: notes_faults(base, cache)),
        "profile": lambda: _each(lambda: profile_sources(base, cache)),
        "smaller": lambda: _each(
            lambda: dst_runs(base, cache),
            lambda: newline_name(base, cache),
            lambda: bidi_notes(base, cache),
            lambda: rust_panic(base, cache),
            lambda: read_only_home(base, cache, namespaces),
            lambda: out_of_memory(base, cache),
        ),
        "scale": lambda: _each(lambda: scale(base, cache, tuple(options.scale))),
    }
    outcomes: list[Outcome] = []
    for group, experiments in groups.items():
        if options.only and group not in options.only:
            continue
        print(f"== {group}", flush=True)
        for outcome in experiments():
            outcomes.append(outcome)
            mark = {True: "held", False: "FAILED", None: "skipped"}[outcome.held]
            print(f"  {mark:7} {outcome.name}: {outcome.figures}", flush=True)
    tried = [outcome for outcome in outcomes if outcome.held is not None]
    print(
        f"{sum(bool(o.held) for o in tried)} of {len(tried)} held "
        f"({len(outcomes) - len(tried)} skipped)"
    )
    if not options.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
