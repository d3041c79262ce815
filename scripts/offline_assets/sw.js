/* The service worker of one edition of the guide, written by scripts/service_worker.py,
   which fills in the constants below for each build. It knows no address: the edition is
   wherever this file is served from, so the same site works at any path on any host.
   - install: the edition's pages and small files go into one cache named after this build;
   - fetch: a request inside the edition is answered from that cache first, so a page and
     everything it loads come from the same build; big images and downloads are kept once
     fetched; a page never cached shows the offline page when the network is down;
   - activate: the caches of older builds of this edition are deleted, and the open pages
     switch to this worker (offline-cache.js then reloads them, so none mixes two builds). */
const VERSION = __VERSION__      // the build's version and content hash
const PRECACHE = __PRECACHE__    // relative to this file
const ON_USE = __ON_USE__        // big images and downloads, cached when first fetched
const EXCLUDE = __EXCLUDE__      // folders inside the scope that belong to another edition
const OFFLINE_PAGE = __OFFLINE_PAGE__

const base = new URL("./", self.location.href)
const SCOPE = base.pathname      // the edition's path; its caches are named "SCOPE|…"
const CACHE = `${SCOPE}|${VERSION}`

self.addEventListener("install", event => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE)
    // cache: "reload" skips the HTTP cache, which may still hold the previous build's files.
    await cache.addAll(PRECACHE.map(path => new Request(new URL(path, base), { cache: "reload" })))
    await self.skipWaiting()
  })())
})

self.addEventListener("activate", event => {
  event.waitUntil((async () => {
    const names = await caches.keys()
    await Promise.all(names
      .filter(name => name.split("|")[0] === SCOPE && name !== CACHE)
      .map(name => caches.delete(name)))
    await self.clients.claim()
  })())
})

self.addEventListener("fetch", event => {
  const request = event.request
  if (request.method !== "GET") return
  const url = new URL(request.url)
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return
  const path = decoded(url.pathname.slice(base.pathname.length))
  if (EXCLUDE.some(folder => path.startsWith(folder))) return
  event.respondWith(respond(request, path))
})

// The file's name as the build wrote it (ON_USE, EXCLUDE): an image named in Chinese is %-encoded in the URL.
function decoded(path) {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

// The cache key: no query or fragment, and a folder's URL for its index.html.
function key(href) {
  const url = new URL(href)
  url.search = url.hash = ""
  if (url.pathname.endsWith("/index.html")) url.pathname = url.pathname.slice(0, -"index.html".length)
  return url.href
}

async function respond(request, path) {
  const cache = await caches.open(CACHE)
  const cached = await cache.match(key(request.url))
  if (cached) return cached
  try {
    const response = await fetch(request)
    if (response.status === 200 && ON_USE.includes(path)) {
      await cache.put(key(request.url), response.clone())
    }
    return response
  } catch (error) {
    if (request.mode === "navigate" && !ON_USE.includes(path)) {  // a download fails as a download
      const offline = await cache.match(new URL(OFFLINE_PAGE, base).href)
      if (offline) return offlinePage(offline)
    }
    throw error
  }
}

// The offline page is shown at the URL that failed, not at its own: its link home ("./" beside
// offline.html) becomes the edition's root, wherever the site is served.
async function offlinePage(response) {
  const html = (await response.text()).replace('href="./" data-offline-home', `href="${SCOPE}" data-offline-home`)
  return new Response(html, { status: 200, headers: response.headers })
}
