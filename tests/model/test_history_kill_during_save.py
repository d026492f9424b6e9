"""Crash safety of the change log: a process that edits the plan (each edit recorded) and saves,
over and over, is killed at random moments; the file reopens with a log that matches its plan
step for step, whose hash chain holds, and which rewinds the plan to any of its steps
(tests/model/test_kill_during_save.py has the server)."""

import os
import random
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from revorg.model.document import PlanDocument
from revorg.model.history.chain import verify
from revorg.model.history.reading import read_steps
from revorg.model.history.replay import state_after
from tests.model.test_kill_during_save import SaveServer

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork() and SIGKILL (POSIX)")

EDIT_SERVER = '''
import os, sys, traceback
from pathlib import Path

from revorg.model.document import PlanDocument
from revorg.model.editing import PlanEditor, requests
from revorg.model.history.recording import attach_recorder


def edit_forever(path):
    """Rename the plan "gen N+1" through the editor (one recorded step), save; until killed."""
    document = PlanDocument.open(path)
    editor = PlanEditor(document)
    attach_recorder(editor, "saver")
    generation = int(document.plan.name.split()[1])
    os.write(1, f"saving {os.getpid()}\\n".encode())
    while True:
        generation += 1
        editor.perform(requests.plan_settings(editor, name=f"gen {generation}"))
        document.save()


print("ready", flush=True)
for line in sys.stdin:
    pid = os.fork()
    if pid == 0:
        try:
            edit_forever(Path(line.strip()))
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(1)
    _pid, status = os.waitpid(pid, 0)
    print(f"ended {pid} {status}", flush=True)
'''


@pytest.fixture
def edit_server(tmp_path: Path) -> Iterator[SaveServer]:
    script = tmp_path / "edit_server.py"
    script.write_text(EDIT_SERVER, encoding="utf-8")
    server = SaveServer(script, tmp_path / "edit_server.log")
    try:
        yield server
    finally:
        server.close()


def test_kill_during_save_keeps_the_log_in_step_with_the_plan(
    edit_server: SaveServer, tmp_path: Path
) -> None:
    path = tmp_path / "plan.revorg"
    with PlanDocument.from_template("blank", 2027) as document:
        document.plan.name = "gen 0"
        document.save_as(path)
    randomness = random.Random(16)
    last = 0
    for round_number in range(12):
        pid = edit_server.start_saving(path)
        time.sleep(randomness.uniform(0.05, 0.4))
        os.kill(pid, signal.SIGKILL)
        status = edit_server.wait_ended(pid)
        assert os.WIFSIGNALED(status), f"round {round_number}: {edit_server.errors()}"

        with PlanDocument.open(path, for_editing=False) as reopened:
            generation = int(reopened.plan.name.split()[1])
            steps = read_steps(reopened.session)
            assert verify(reopened.session) is None
            if generation >= 2:  # and the log rewinds the saved plan to any of its steps
                earlier = randomness.randint(1, generation - 1)
                with state_after(reopened.session, earlier) as then:
                    assert then.plan.name == f"gen {earlier}"
        # One step per generation saved, the newest naming the plan as it is.
        assert len(steps) == generation >= last
        if steps:
            assert steps[0].changes[0].new == f"gen {generation}"
            assert [s.id for s in steps] == list(range(generation, 0, -1))
        last = generation
    assert last > 12
