/* Search on first use, and across scripts. Inlined in <head> by overrides/main.html, so it
 * runs before Material's bundle.
 *
 * Material 9.7 starts its search worker and fetches search/search_index.json as soon as a
 * page loads (18 KB gzip that most readers never use) and offers no setting to wait. Its
 * bundle is left as it is: this script wraps the two browser APIs the bundle uses for that.
 *   - window.Worker: for Material's search worker (assets/javascripts/workers/search.*.js)
 *     the bundle gets a stand-in that keeps its messages until the reader shows intent,
 *     then starts the real worker (or, from file://, the iframe-worker shim) and hands them on.
 *   - XMLHttpRequest: the request for search/search_index.json is sent at intent, not at load.
 *     From file:// Material reads the index the offline plugin inlines (search_index.js).
 * Intent: a pointer down on, or focus in, the search button or box (Material's f, s and /
 * shortcuts focus the box), or a page opened with ?q= (a search link) or ?h= (a result).
 *
 * Any change of the query: Material's search box reads its value on `keyup` only, so a query
 * that arrives without a key (a candidate tapped in a Chinese input method, a paste, voice
 * input, a value set by a script) would wait for the next key. Every `input` and
 * `compositionend` on the box, and a value a script assigns to it, is handed on as a
 * `keyup`; each is also intent, so the worker starts.
 *
 * Across scripts: hooks/search_scripts.py puts a small table into the index's config (the
 * guide's own words and characters in the other script, from OpenCC). Each query is
 * converted with it before the worker sees it, so 滞纳金 finds and highlights 滯納金 on the
 * Traditional edition and the other way round; text already in the edition's script stays.
 */
(() => {
  const WORKER = /\/workers\/search\.\w+\.min\.js/
  const INDEX = /\/search\/search_index\.json$/
  const SETUP = 0, QUERY = 2  // Material's SearchMessageType

  /* ---- Intent ---- */

  let wanted = false
  const waiting = []
  const whenWanted = run => (wanted ? run() : waiting.push(run))
  const want = () => {
    if (wanted) return
    wanted = true
    for (const run of waiting.splice(0)) run()
  }

  const inSearch = node => node instanceof Element && !!node.closest(".md-search, label[for=__search]")
  document.addEventListener("pointerdown", event => inSearch(event.target) && want(), true)
  document.addEventListener("focusin", event => inSearch(event.target) && want(), true)
  /* ---- Any change of the query reaches Material as a keyup ---- */

  const BOX = "input.md-search__input"
  const changed = box => {
    want()
    box.dispatchEvent(new KeyboardEvent("keyup", { key: "Unidentified" }))
  }
  const onChange = event => event.target instanceof Element && event.target.matches(BOX) && changed(event.target)
  document.addEventListener("input", onChange, true)
  document.addEventListener("compositionend", onChange, true)

  // A value a script assigns (el.value = "…") fires no event: the box's own setter says so.
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")
  const watchValue = () => {
    const box = document.querySelector(BOX)
    if (!box || Object.prototype.hasOwnProperty.call(box, "value")) return
    Object.defineProperty(box, "value", {
      configurable: true,
      get() { return native.get.call(this) },
      set(text) {
        const before = native.get.call(this)
        native.set.call(this, text)
        if (native.get.call(this) !== before) queueMicrotask(() => changed(this))
      },
    })
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchValue)
  else watchValue()

  const query = new URLSearchParams(location.search)
  if (query.has("q") || query.has("h")) want()

  /* ---- The worker, started at intent ---- */

  let table = new Map(), longest = 0
  const toEditionScript = text => {
    let out = ""
    for (let i = 0; i < text.length;) {
      let n = Math.min(longest, text.length - i)
      for (; n > 0; n--) {
        const hit = table.get(text.substr(i, n))
        if (hit !== undefined) {
          out += hit
          i += n
          break
        }
      }
      if (n === 0) out += text[i++]
    }
    return out
  }

  const RealWorker = window.Worker
  window.Worker = class SearchWorker extends EventTarget {
    constructor(url, options) {
      if (!WORKER.test(String(url))) return new RealWorker(url, options)
      super()
      this.queue = []
      // Resolved now: by the first search, instant navigation may have moved the page elsewhere.
      // Not from file://, which has no instant navigation: there the iframe-worker shim writes the
      // URL into an inline script whose hash the page's policy holds (hooks/safe_html.py).
      const href = location.protocol === "file:" ? url : new URL(url, location.href).href
      whenWanted(() => {
        this.worker = new RealWorker(href, options)
        this.worker.addEventListener("message", ({ data }) => {
          this.dispatchEvent(new MessageEvent("message", { data }))
        })
        for (const message of this.queue.splice(0)) this.worker.postMessage(message)
      })
    }

    postMessage(message) {
      if (message.type === SETUP) {
        table = new Map(Object.entries(message.data.config.cross_script || {}))
        longest = Math.max(0, ...[...table.keys()].map(key => key.length))
      } else if (message.type === QUERY) {
        message = { ...message, data: toEditionScript(message.data) }
      }
      if (this.worker) this.worker.postMessage(message)
      else this.queue.push(message)
    }

    terminate() {
      if (this.worker) this.worker.terminate()
    }
  }

  /* ---- The index, fetched at intent ---- */

  const { open, send } = XMLHttpRequest.prototype
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.searchIndex = INDEX.test(String(url))
    return open.call(this, method, url, ...rest)
  }
  XMLHttpRequest.prototype.send = function (...body) {
    if (!this.searchIndex) return send.apply(this, body)
    whenWanted(() => send.apply(this, body))
  }
})()
