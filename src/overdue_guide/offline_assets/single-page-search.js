/* Search in the single-file edition (scripts/single_page.py). Material's search needs
   a worker and an index file, which a lone file opened from content:// or file:// cannot
   load; this one reads the guide's own text from the page. Each heading starts a section;
   a section matches when it holds every word typed. Strings come from the form's data-*. */
(() => {
  const form = document.querySelector("[data-single-page-search]")
  if (!form) return
  const input = form.querySelector("input")
  const status = form.querySelector(".single-page__status")
  const list = form.querySelector(".single-page__results")
  const MAX_RESULTS = 50
  const CONTEXT = 30  // characters shown around a match
  let sections = null

  function collect() {
    const headings = [...document.querySelectorAll("main h1[id], main h2[id], main h3[id], main dt[id]")]
    return headings.map((heading, i) => {
      const range = document.createRange()
      range.setStartBefore(heading)
      const next = headings[i + 1]
      if (next) range.setEndBefore(next)
      else range.setEndAfter(document.querySelector("main").lastChild)
      // As Material's search does: nothing marked data-search-exclude (the glossary's definitions
      // and its 「出現於」 lists).
      const fragment = range.cloneContents()
      for (const excluded of fragment.querySelectorAll("[data-search-exclude]")) excluded.remove()
      const page = heading.closest("section[data-page-title]")
      const title = (heading.querySelector("dfn") || heading).textContent.trim()  // a glossary entry: its term
      const pageTitle = page ? page.dataset.pageTitle : ""
      return {
        id: heading.id,
        title: pageTitle && pageTitle !== title ? `${pageTitle} › ${title}` : title,
        text: fragment.textContent.replace(/\s+/g, " "),
      }
    })
  }

  function snippet(text, word) {
    const at = text.toLowerCase().indexOf(word)
    const start = Math.max(0, at - CONTEXT)
    const fragment = document.createDocumentFragment()
    fragment.append((start > 0 ? "…" : "") + text.slice(start, at))
    const mark = document.createElement("mark")
    mark.textContent = text.slice(at, at + word.length)
    fragment.append(mark, text.slice(at + word.length, at + word.length + CONTEXT) + "…")
    return fragment
  }

  function search() {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean)
    list.replaceChildren()
    if (!words.length) {
      status.textContent = ""
      return
    }
    sections = sections || collect()
    const found = sections.filter(s => words.every(w => s.text.toLowerCase().includes(w)))
    status.textContent = found.length
      ? form.dataset.found.replace("{count}", String(found.length))
      : form.dataset.none
    for (const section of found.slice(0, MAX_RESULTS)) {
      const item = document.createElement("li")
      const link = document.createElement("a")
      link.href = `#${section.id}`
      link.textContent = section.title
      const text = document.createElement("span")
      text.className = "single-page__snippet"
      text.append(snippet(section.text, words[0]))
      item.append(link, text)
      list.append(item)
    }
  }

  form.addEventListener("submit", event => {
    event.preventDefault()
    search()
  })
  input.addEventListener("input", search)
  form.hidden = false
})()
