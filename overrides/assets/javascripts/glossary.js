/* Glossary terms (hooks/glossary.py marks them, and lists their definitions once per page):
 *   <a class="glossary-term" id="glossary-ref-ID" href="…#ID">term</a>
 *   <div class="glossary-definitions" hidden data-search-exclude>{"more": "查看名詞解釋",<br> "close": "關閉解釋",<br> "terms": {"ID": "…"}}</div>
 *   (its text, without the <br>s that put one definition a line for the build's checks)
 * Shows the definition in a tooltip on hover, on keyboard focus and on a tap or click. A
 * first tap opens it, a second tap on the term closes it: the term itself no longer leaves
 * the page; the tooltip's link opens the entry. Its close button (named by "close"), Escape,
 * a tap elsewhere or moving away closes it. The tooltip opens below the term's line, or
 * above it when there is more room there, always inside the viewport: it never covers the
 * line being read. Work happens only when a reader reaches a term (event delegation on
 * the document, definitions parsed on first use). Without this script, or
 * for a term whose definition is missing, the term is a plain link to its entry. Every
 * string comes from the page. The single-file edition joins pages, so a document may
 * hold several lists, and prefixes ids ("PAGE--glossary-ref-ID").
 */
(() => {
  const TERM = "a.glossary-term"
  const DEFINITIONS = "div.glossary-definitions"
  const ID_PREFIX = "glossary-ref-"
  const CLOSE_DELAY = 300  // ms: time to move the pointer from the term onto the tooltip

  const parsed = new WeakMap()  // definitions element → its data (null if unreadable)

  const read = block => {
    if (!parsed.has(block)) {
      try {
        const data = JSON.parse(block.textContent)
        parsed.set(block, data && data.terms && typeof data.terms === "object" ? data : null)
      } catch {
        parsed.set(block, null)
      }
    }
    return parsed.get(block)
  }

  // { text, more } for a term, from the first list that defines it; null if none does.
  const definitionOf = term => {
    const at = term.id.lastIndexOf(ID_PREFIX)
    if (at < 0) return null
    const id = term.id.slice(at + ID_PREFIX.length)
    for (const block of document.querySelectorAll(DEFINITIONS)) {
      const data = read(block)
      if (data && Object.prototype.hasOwnProperty.call(data.terms, id)) {
        return { text: String(data.terms[id]), more: String(data.more), close: String(data.close || "") }
      }
    }
    return null
  }

  let open = null          // { term, tooltip } while a tooltip shows
  let closeTimer = 0
  let pointer = ""         // how the reader last pointed: "mouse", "touch", "pen" or "keyboard"
  let quiet = false        // true while Escape hands focus back to the term

  const render = (term, { text, more, close }) => {
    const tooltip = document.createElement("span")
    tooltip.className = "glossary-tooltip"
    const definition = document.createElement("span")
    definition.className = "glossary-tooltip__definition"
    definition.id = "glossary-tooltip"
    definition.setAttribute("role", "tooltip")
    definition.textContent = text
    const link = document.createElement("a")
    link.className = "glossary-tooltip__more"
    link.href = term.href
    link.textContent = more
    const button = document.createElement("button")
    button.type = "button"
    button.className = "glossary-tooltip__close"
    button.setAttribute("aria-label", close || "×")
    button.textContent = "×"
    tooltip.append(button, definition, " ", link)
    return tooltip
  }

  const GAP = 6, MARGIN = 8  // px: between the term's line and the tooltip; from the viewport's edges

  const place = (term, tooltip) => {
    // Absolute, inside the term's paragraph: measure where (0, 0) lands, then offset from it.
    tooltip.style.left = tooltip.style.top = "0px"
    tooltip.style.maxHeight = ""
    const origin = tooltip.getBoundingClientRect()
    const lines = term.getClientRects()
    const first = lines[0], last = lines[lines.length - 1]
    const viewport = document.documentElement.clientWidth
    const left = Math.max(MARGIN, Math.min(first.left, viewport - tooltip.offsetWidth - MARGIN))
    // Below the term's last line or above its first, never over them: the side that fits,
    // else the roomier side, scrolling inside the tooltip if even that is too short.
    const roomBelow = window.innerHeight - last.bottom - GAP - MARGIN
    const roomAbove = first.top - GAP - MARGIN
    const height = tooltip.offsetHeight
    const below = height <= roomBelow || (height > roomAbove && roomBelow >= roomAbove)
    const room = Math.max(below ? roomBelow : roomAbove, 0)
    if (height > room) tooltip.style.maxHeight = `${room}px`
    const top = below ? last.bottom + GAP : first.top - GAP - Math.min(height, room)
    tooltip.style.left = `${left - origin.left}px`
    tooltip.style.top = `${top - origin.top}px`
  }

  const show = term => {
    clearTimeout(closeTimer)
    if (open && open.term === term) return
    close()
    const definition = definitionOf(term)
    if (!definition) return
    const tooltip = render(term, definition)
    term.after(tooltip)  // next in reading and tab order: its link follows the term
    place(term, tooltip)
    term.setAttribute("aria-describedby", "glossary-tooltip")
    open = { term, tooltip }
  }

  const close = () => {
    clearTimeout(closeTimer)
    if (!open) return
    const { term, tooltip } = open
    open = null  // first: removing a focused tooltip link fires focusout, which calls close() again
    term.removeAttribute("aria-describedby")
    tooltip.remove()
  }

  const closeSoon = () => {
    clearTimeout(closeTimer)
    closeTimer = setTimeout(close, CLOSE_DELAY)
  }

  const within = node => {
    return !!open && node instanceof Node && (open.term.contains(node) || open.tooltip.contains(node))
  }

  // The term an event happened on, if it has a definition to show.
  const termOf = node => {
    const term = node instanceof Element ? node.closest(TERM) : null
    return term && definitionOf(term) ? term : null
  }

  // Listeners live on the document, once: instant navigation swaps the content, not the document.
  document.addEventListener("pointerdown", event => {
    pointer = event.pointerType
    if (open && !within(event.target)) close()
  }, true)

  document.addEventListener("keydown", event => {
    pointer = "keyboard"
    if (event.key === "Escape" && open) {
      const { term, tooltip } = open
      const focusWasInside = tooltip.contains(document.activeElement)
      close()
      if (focusWasInside) {
        quiet = true  // back on the term, without opening the tooltip again
        term.focus()
        quiet = false
      }
    }
  })

  document.addEventListener("pointerover", event => {
    if (event.pointerType !== "mouse") return
    const term = termOf(event.target)
    if (term) show(term)
    else if (within(event.target)) clearTimeout(closeTimer)
  })

  document.addEventListener("pointerout", event => {
    if (event.pointerType !== "mouse" || !within(event.target) || within(event.relatedTarget)) return
    if (!open.term.contains(document.activeElement) && !open.tooltip.contains(document.activeElement)) closeSoon()
  })

  document.addEventListener("focusin", event => {
    const term = termOf(event.target)
    // A tap focuses the link too; the click decides what a tap does.
    if (term && !quiet && pointer !== "touch" && pointer !== "pen") show(term)
  })

  document.addEventListener("focusout", event => {
    if (open && within(event.target) && !within(event.relatedTarget) && !open.term.matches(":hover")
        && !open.tooltip.matches(":hover")) close()
  })

  // Capture phase: runs before Material's instant navigation, which listens on <body>.
  // A tap or click on a term opens its tooltip, a second one closes it; the term never navigates.
  document.addEventListener("click", event => {
    const target = event.target instanceof Element ? event.target : null
    if (open && target && target.closest(".glossary-tooltip__close")) {
      const { term } = open
      close()
      quiet = true  // focus back on the term, without opening the tooltip again
      term.focus()
      quiet = false
      return
    }
    const term = termOf(target)
    if (!term) return
    event.preventDefault()
    event.stopPropagation()
    // A mouse click on a term its hover opened keeps it open (the reader moved onto it to read).
    if (open && open.term === term && pointer !== "mouse") close()
    else show(term)
  }, true)

  // Phones resize the viewport as the address bar slides away: follow the term, don't close.
  window.addEventListener("resize", () => open && place(open.term, open.tooltip))

  // Each page, including pages reached by instant navigation, starts with no tooltip open.
  onEveryPage(close)
})()
