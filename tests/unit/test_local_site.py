"""Which Chromium the tests drive (overdue_guide.local_site.test_browser)."""

from __future__ import annotations

from overdue_guide import local_site


def test_the_tests_drive_the_headless_shell_where_it_is_installed(monkeypatch, tmp_path):
    shell = tmp_path / "chromium-headless-shell"
    shell.write_text("#!/bin/sh\n")
    shell.chmod(0o755)
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(local_site, "HEADLESS_SHELL", str(shell))
    assert local_site.test_browser() == str(shell)


def test_without_the_headless_shell_the_tests_drive_chromium(monkeypatch, tmp_path):
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(local_site, "HEADLESS_SHELL", str(tmp_path / "not-installed"))
    assert local_site.test_browser() == local_site.CHROMIUM


def test_a_chromium_named_in_the_environment_is_the_one_driven(monkeypatch, tmp_path):
    shell = tmp_path / "chromium-headless-shell"
    shell.write_text("#!/bin/sh\n")
    shell.chmod(0o755)
    monkeypatch.setenv("CHROMIUM", "/opt/chrome/chrome")
    monkeypatch.setattr(local_site, "HEADLESS_SHELL", str(shell))
    monkeypatch.setattr(local_site, "CHROMIUM", "/opt/chrome/chrome")
    assert local_site.test_browser() == "/opt/chrome/chrome"
