/* Registers the edition's service worker (sw.js at the edition's root, two folders up
   from this file; see service_worker.py), so that after one visit every page also opens
   without a network. Only over https, or over http on this computer for testing: from
   file:// (the zip, the single file) nothing is registered. Under mkdocs serve (data-preview)
   it removes the worker instead, so a contributor sees each save, not a cached build. */
(() => {
  if ("offlineCache" in window || !("serviceWorker" in navigator)) return
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(location.hostname)
  if (location.protocol !== "https:" && !(location.protocol === "http:" && local)) return
  window.offlineCache = null  // loaded once per document, whatever instant navigation does
  const root = new URL("../../", document.currentScript.src)
  if (document.currentScript.hasAttribute("data-preview")) {
    window.offlineCache = navigator.serviceWorker.getRegistration(root.href)
      .then(registration => (registration ? registration.unregister() : false))
      .catch(() => false)
    return
  }

  // A new build's worker took over: reload, so this page does not mix two builds' files.
  let controlled = Boolean(navigator.serviceWorker.controller)
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (controlled) location.reload()
    controlled = true
  })

  const register = () => {
    window.offlineCache = navigator.serviceWorker
      .register(new URL("sw.js", root), { scope: root.pathname })
      .catch(() => null)  // private mode or storage off: the site still works online
  }
  if (document.readyState === "complete") register()
  else window.addEventListener("load", register)
})()
