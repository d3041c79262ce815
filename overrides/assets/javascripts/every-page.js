/* One way for every widget to run on every page. widgets.js puts this file first, then
 * the widgets, into one script loaded after Material's bundle, so they share this
 * function. onEveryPage(setup) calls setup once for the first page and once for each page
 * instant navigation swaps in (Material's document$). It does not rely on document$ alone:
 * the first page is also set up on DOMContentLoaded, for pages where Material's bundle
 * did not run or document$ never emits (file://). Listeners belong on the document, set
 * once outside setup: instant navigation replaces the content, not the document.
 */
const onEveryPage = setup => {
  let done = null  // the content element setup last ran for
  const run = () => {
    const content = document.querySelector("[data-md-component=content]") || document.body
    if (content === done) return
    done = content
    setup()
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(run)
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run)
  else run()
}

/* Work a reader does not need at once (a suggestion bar, not the page's own content) waits
 * until the browser is idle, out of the task that loads the page: on a slow phone that task
 * is already long with Material's own start-up. At most `timeout` ms later it runs anyway.
 */
const whenIdle = (work, timeout = 2000) => {
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(() => work(), { timeout })
  else setTimeout(work, 1)
}

/* A link to a place on another page (the glossary's links to where a term appears,
 * #glossary-ref-…; the worked path's links into the help page): with instant navigation
 * Material sometimes leaves the reader at the old page's scroll position, cut to the new
 * page's end. It swaps the page in and then either scrolls to the place or, when the history
 * entry holds a position, restores that position; and it writes the position of a scroll
 * into the current entry 100 ms after the scroll ends, so a link tapped sooner than that
 * gets the old page's position, and it also swaps now and then after its own scroll. So after
 * each page a tapped link brings, the place is scrolled into view if it is out of view. Back
 * and Forward are left alone (Material puts the reader back where they were): the page must
 * be the very address of the last link tapped, a click being how both a tap and a key reach
 * a link. (A popstate event does not tell Back from a link: Material fires one for links too.)
 */
let linkedTo = ""
document.addEventListener("click", event => {
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null
  linkedTo = link ? link.href : ""
}, true)
onEveryPage(() => {
  const tapped = linkedTo !== "" && linkedTo === location.href
  linkedTo = ""
  if (!tapped || !location.hash) return
  requestAnimationFrame(() => {
    let place = null
    try {
      place = document.getElementById(decodeURIComponent(location.hash.slice(1)))
    } catch {
      return // a malformed address: nothing to show
    }
    if (!place) return
    const box = place.getBoundingClientRect()
    if (box.bottom < 0 || box.top > window.innerHeight) place.scrollIntoView()
  })
})
