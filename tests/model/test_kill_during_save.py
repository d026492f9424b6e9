"""Crash safety: kill a process that saves a plan over and over, at random moments, and reopen.

The file on disk must always be one complete generation of the plan, the old one or the new
one, never a mix and never damaged; and the killed editor's lock must not outlive it.

Each round's saving process is forked from a small server that has already imported RevOrg, so
that a round costs the random wait and not a Python start-up: 200 rounds fit in about a minute.
"""

import os
import random
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from revorg.model.document import PlanDocument
from revorg.model.entities import Position

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork() and SIGKILL (POSIX)")


def positions_in_generation(generation: int) -> int:
    """The rule both sides know: the name "gen N" goes with exactly this many positions."""
    return generation * 7 % 500 + 1


SAVE_SERVER = '''
import os, sys, traceback
from decimal import Decimal
from pathlib import Path

from sqlalchemy import delete, func, insert, select

from revorg.model.document import PlanDocument
from revorg.model.entities import Position


def positions_in_generation(generation):
    return generation * 7 % 500 + 1


def save_forever(path):
    """Open the plan for editing, then save generation after generation until killed."""
    document = PlanDocument.open(path)
    session = document.session
    scenario_id = document.scenario().id
    generation = int(document.plan.name.split()[1])
    os.write(1, f"saving {os.getpid()}\\n".encode())
    while True:
        generation += 1
        wanted = positions_in_generation(generation)
        have = session.scalar(select(func.count()).select_from(Position))
        if have > wanted:
            session.execute(delete(Position).where(Position.id > wanted))
        elif have < wanted:
            session.execute(
                insert(Position),
                [
                    dict(id=i, scenario_id=scenario_id, title=f"SDR {i} of gen {generation}",
                         role_key="sdr", department_key="sales", headcount=1,
                         annual_cost=Decimal("38000.50"), notes="x" * (i % 50), sort_order=i)
                    for i in range(have + 1, wanted + 1)
                ],
            )
        document.plan.name = f"gen {generation}"
        document.save()


print("ready", flush=True)
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            save_forever(Path(line.strip()))
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(1)
    _pid, status = os.waitpid(pid, 0)
    print(f"ended {pid} {status}", flush=True)
'''


class SaveServer:
    """Forks saving processes on request and reports how each one ended."""

    def __init__(self, script: Path, log: Path) -> None:
        self.log = log
        self._log_handle = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, str(script)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log_handle,
            bufsize=0,
        )
        assert self.process.stdout is not None
        self._selector = selectors.DefaultSelector()
        self._selector.register(self.process.stdout, selectors.EVENT_READ)
        self._buffer = b""
        assert self.read_line() == "ready", self.errors()

    def start_saving(self, path: Path) -> int:
        """Fork a process that saves `path` forever; returns its pid once it holds the plan."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"{path}\n".encode())
        self.process.stdin.flush()
        line = self.read_line()
        assert line.startswith("saving "), f"the saver died before saving: {self.errors()}"
        return int(line.split()[1])

    def wait_ended(self, pid: int) -> int:
        words = self.read_line().split()
        assert words[:2] == ["ended", str(pid)]
        return int(words[2])

    def read_line(self, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no answer from the save server: {self.errors()}"
            if self._selector.select(remaining):
                assert self.process.stdout is not None
                chunk = os.read(self.process.stdout.fileno(), 4096)
                assert chunk, f"the save server exited: {self.errors()}"
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode()

    def errors(self) -> str:
        self._log_handle.flush()
        return self.log.read_text()

    def close(self) -> None:
        self._selector.close()
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()  # else a ResourceWarning, an error under filterwarnings
        self._log_handle.close()


@pytest.fixture
def save_server(tmp_path: Path) -> Iterator[SaveServer]:
    script = tmp_path / "save_server.py"
    script.write_text(SAVE_SERVER, encoding="utf-8")
    server = SaveServer(script, tmp_path / "save_server.log")
    try:
        yield server
    finally:
        server.close()


def create_generation_zero(path: Path) -> None:
    with PlanDocument.from_template("blank", 2027) as document:
        document.session.add(
            Position(
                id=1,
                scenario_id=document.scenario().id,
                title="SDR 1 of gen 0",
                role_key="sdr",
                department_key="sales",
            )
        )
        document.plan.name = "gen 0"
        document.save_as(path)
    assert positions_in_generation(0) == 1


def saved_generation(path: Path) -> int:
    """Open the plan as a user would after the crash, and check it is one whole generation."""
    with PlanDocument.open(path, for_editing=False) as document:
        name = document.plan.name
        count = document.session.scalar(select(func.count()).select_from(Position))
        titles = set(document.session.scalars(select(Position.title)))
    generation = int(name.split()[1])
    assert count == positions_in_generation(generation), f"{name!r} with {count} positions"
    assert all(title.startswith("SDR ") for title in titles)
    return generation


def kill_while_saving(save_server: SaveServer, tmp_path: Path, rounds: int, seed: int) -> None:
    path = tmp_path / "plan.revorg"
    create_generation_zero(path)
    randomness = random.Random(seed)
    last_generation = 0
    killed_mid_write = 0
    for round_number in range(rounds):
        pid = save_server.start_saving(path)
        time.sleep(randomness.uniform(0.05, 0.6))
        os.kill(pid, signal.SIGKILL)
        status = save_server.wait_ended(pid)
        assert os.WIFSIGNALED(status), f"round {round_number}: {save_server.errors()}"
        assert os.WTERMSIG(status) == signal.SIGKILL
        killed_mid_write += path.with_name(".plan.revorg.saving").exists()

        generation = saved_generation(path)
        assert generation >= last_generation, "the file went back to an older generation"
        last_generation = generation
    assert last_generation > rounds  # every process got saves done before it was killed
    # The random kills did land while a copy was being written (else this proves little).
    assert killed_mid_write > 0


def test_kill_during_save_never_damages_the_plan(save_server: SaveServer, tmp_path: Path) -> None:
    kill_while_saving(save_server, tmp_path, rounds=25, seed=20270101)


@pytest.mark.slow
def test_kill_during_save_never_damages_the_plan_many_times(
    save_server: SaveServer, tmp_path: Path
) -> None:
    kill_while_saving(save_server, tmp_path, rounds=200, seed=4242)
