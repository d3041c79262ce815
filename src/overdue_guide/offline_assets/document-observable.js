/* Material's document$ for the single page, which has no Material bundle: the widget
   scripts (checklist, glossary) start on each page through document$.subscribe; here
   there is one page, so each subscriber runs once, when the document has loaded. */
window.document$ = window.document$ || {
  subscribe(next) {
    const run = () => next(document)
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true })
    else run()
    return { unsubscribe() {} }
  },
}
