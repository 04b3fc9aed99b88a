"""Work on every core gives what the same work gives in one process, in the parts' order."""

import os

import pytest

from analyzer.parallel import MIN_PARTS, each_on_every_core


def test_the_parts_come_back_in_order_with_what_the_work_holds():
    offset = 1000  # held by the work, never sent: the processes inherit it
    parts = list(range(7))
    done = each_on_every_core(lambda part: (part + offset, os.getpid()), parts, processes=2)
    assert [value for value, _ in done] == [part + offset for part in parts]
    assert {pid for _, pid in done} != {os.getpid()}  # done elsewhere


@pytest.mark.parametrize("parts, processes", [(MIN_PARTS - 1, 2), (5, 1)])
def test_few_parts_or_one_process_are_done_here(parts, processes):
    done = each_on_every_core(lambda part: os.getpid(), list(range(parts)), processes)
    assert done == [os.getpid()] * parts


def test_a_failing_part_fails_the_call():
    def work(part: int) -> int:
        if part == 3:
            raise ValueError("part 3")
        return part

    with pytest.raises(ValueError, match="part 3"):
        each_on_every_core(work, list(range(5)), processes=2)
