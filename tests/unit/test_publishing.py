"""What an interrupted build made is never published (overdue_guide.publish.publishing)."""

from __future__ import annotations

import os
import signal

import pytest

from overdue_guide import publish


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_signal_whose_interrupt_was_lost_still_stops_the_publishing(tmp_path, signum):
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("old", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), publish.publishing(target) as staging:
        (staging / "index.html").write_text("new", encoding="utf-8")
        try:  # as when the interrupt is raised inside a finalizer, which Python reports and drops
            os.kill(os.getpid(), signum)
        except KeyboardInterrupt:
            pass
    assert (target / "index.html").read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.new")] == []


def test_the_signal_handlers_are_given_back(tmp_path):
    before = signal.getsignal(signal.SIGINT)
    with publish.publishing(tmp_path / "site"):
        assert signal.getsignal(signal.SIGINT) is not before
    assert signal.getsignal(signal.SIGINT) is before
