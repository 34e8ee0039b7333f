"""The collector held off while persons are recognised, and given back as it was."""
from __future__ import annotations

import gc

import pytest

from tei_tools.annotate.persons import recognise
from tei_tools.annotate.persons.collector import collector_paused
from tei_tools.model import Block
from tei_tools.personography import Personography


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    gc.enable() if was else gc.disable()


def test_the_collector_is_off_inside_and_on_again_after(collector_on):
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collector_on):
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_the_collector_comes_back_after_an_error(collector_on):
    with pytest.raises(ValueError):
        with collector_paused():
            raise ValueError("inside")
    assert gc.isenabled()


def test_recognising_leaves_the_collector_on(collector_on):
    found = recognise([Block("p", "Leon Trotsky met Lenin in London.", 0)], Personography.empty().baseline)
    assert found.persons and gc.isenabled()
