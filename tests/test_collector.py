"""The cycle collector is held off inside a build's allocation-heavy stages, and comes back
as it was: on after the outermost block, off if it was off, also when the block fails."""
import gc

import pytest

from partyorg_site.collector import collector_held


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_held_inside_and_back_after(collector_on):
    with collector_held():
        assert not gc.isenabled()
        with collector_held():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not turn it on under the outer one
    assert gc.isenabled()


def test_back_after_a_failure(collector_on):
    with pytest.raises(ValueError):
        with collector_held():
            raise ValueError
    assert gc.isenabled()


def test_left_off_when_it_was_off(collector_on):
    gc.disable()
    with collector_held():
        pass
    assert not gc.isenabled()
