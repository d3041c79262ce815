"""The offline bundle: serve the iframe-worker shim from the site itself.

Material's offline plugin appends ``https://unpkg.com/iframe-worker/shim`` to
``extra.polyfills`` unless a polyfill that mentions iframe-worker is already
there. unpkg is a third-party host (and unreachable from file:// without a
network), so before the plugin runs we add the vendored copy under
``overrides/assets/javascripts/vendor/iframe-worker/``. ``extra.offline_build``
tells templates they are rendering the bundle (no "download the bundle" link).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

SHIM_PATH = "assets/javascripts/vendor/iframe-worker/shim.js"


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Run before Material's offline plugin (priority 0) so it sees our shim.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    enabled = offline is not None and offline.config.enabled
    config.extra["offline_build"] = enabled
    if enabled:
        config.extra["polyfills"] = with_local_shim(config.extra.get("polyfills", []))
    return config


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def with_local_shim(polyfills: list[str]) -> list[str]:
    """Return the polyfill list with the vendored shim, added once."""
    if any("iframe-worker" in url for url in polyfills):
        return list(polyfills)
    return [*polyfills, SHIM_PATH]
