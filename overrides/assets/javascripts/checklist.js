/* Checklist widget: hooks/checklist.py renders real checkboxes; this script
   keeps one tick per action across pages, reloads and visits (localStorage),
   shows the progress, and adds the copy and reset buttons. Every string it
   shows comes from the block's data-checklist-* attributes (data/checklist.yml). */
(() => {
  // Not tied to the URL path, site name or language: both editions share the ticks.
  const STORAGE_KEY = "alipay-overdue-guide/checklist"
  const VERSION = 1

  /* ---- Storage: every access may throw (private mode, disabled, full) ---- */

  // The ticks in stored data of this version (item id → true), or null for any other shape.
  const ticksFrom = data => {
    if (!data || typeof data !== "object" || data.version !== VERSION) return null
    const { items } = data
    if (!items || typeof items !== "object" || Array.isArray(items)) return null
    return Object.fromEntries(Object.keys(items).filter(id => items[id] === true).map(id => [id, true]))
  }

  const readStoredTicks = () => {
    let raw
    try {
      raw = localStorage.getItem(STORAGE_KEY)
    } catch {
      return null
    }
    if (raw === null) return {}
    try {
      return ticksFrom(JSON.parse(raw))
    } catch {
      return null  // not JSON: ignore it, the next tick overwrites it
    }
  }

  // This visit's ticks: still right when storage fails.
  let ticks = readStoredTicks() || {}

  const storeTicks = known => {
    // Drop actions that no longer exist.
    const items = Object.fromEntries(Object.keys(ticks).filter(id => !known || known.includes(id)).map(id => [id, true]))
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, items }))
    } catch {
      // storage unavailable or full: the ticks still hold for this visit
    }
  }

  /* ---- Showing the ticks ---- */

  const boxes = root => [...root.querySelectorAll("input[data-checklist-item]")]

  const progressText = (template, done, total) =>
    template.replace("{done}", String(done)).replace("{total}", String(total))

  const render = () => {
    const blocks = document.querySelectorAll("[data-checklist]")
    if (!blocks.length) return  // most pages: nothing to do
    for (const box of boxes(document)) {
      const ticked = ticks[box.dataset.checklistItem] === true
      if (box.checked !== ticked) box.checked = ticked  // only changes: no needless style work
    }
    for (const block of blocks) {
      const own = boxes(block)
      const text = progressText(block.dataset.checklistProgress, own.filter(box => box.checked).length, own.length)
      const progress = block.querySelector(".checklist__progress")
      // Only real changes, so screen readers hear the figure once per tick.
      if (progress && progress.textContent !== text) progress.textContent = text
      const actions = block.querySelector(".checklist__actions")
      if (actions) actions.hidden = false
    }
  }

  /* ---- Copy as plain text ---- */

  const checklistText = block => {
    const { checklistDoneMark: done, checklistTodoMark: todo } = block.dataset
    const lines = [block.dataset.checklistCopyHeading]
    for (const part of block.querySelectorAll(".checklist__stage-name, input[data-checklist-item]")) {
      if (part.tagName !== "INPUT") {
        lines.push("", part.textContent.trim())
      } else {
        const label = part.labels && part.labels[0]
        lines.push(`${part.checked ? done : todo} ${label ? label.textContent.trim() : ""}`)
      }
    }
    const progress = block.querySelector(".checklist__progress")
    if (progress && progress.textContent) lines.push("", progress.textContent)
    if (block.dataset.checklistCopyFooter) lines.push("", block.dataset.checklistCopyFooter)  // the guide's address and 95188
    return lines.join("\n")
  }

  // Nothing could copy: the text, selected, for the reader to copy by hand (copy-text.js).
  const copied = (block, text, ok) => {
    const feedback = block.querySelector(".checklist__feedback")
    if (feedback) feedback.textContent = ok ? block.dataset.checklistCopied : block.dataset.checklistCopyFailed
    showManualCopy({
      within: block,
      className: "checklist__manual-copy",
      text: ok ? null : text,
      rows: text.split("\n").length,
      label: block.dataset.checklistCopyHeading,
      place: manual => block.append(manual),
    })
  }

  const copy = block => {
    const text = checklistText(block)
    copyText(text, ok => copied(block, text, ok))
  }

  /* ---- Events: once, on the document ---- */

  const known = block => (block.dataset.checklistKnown || "").split(" ")

  document.addEventListener("change", event => {
    const box = event.target
    if (!(box instanceof Element) || !box.matches("input[data-checklist-item]")) return
    const id = box.dataset.checklistItem
    if (box.checked) ticks[id] = true
    else delete ticks[id]
    const block = box.closest("[data-checklist]")
    storeTicks(block && known(block))
    render()  // the same action elsewhere on the page, and every progress figure
  })

  document.addEventListener("click", event => {
    const button = event.target instanceof Element && event.target.closest("[data-checklist-action]")
    const block = button && button.closest("[data-checklist]")
    if (!block) return
    if (button.dataset.checklistAction === "copy") {
      copy(block)
    } else if (window.confirm(block.dataset.checklistConfirm)) {
      ticks = {}
      storeTicks(known(block))
      const feedback = block.querySelector(".checklist__feedback")
      if (feedback) feedback.textContent = ""
      render()
    }
  })

  // Another tab ticked something: show it here too.
  window.addEventListener("storage", event => {
    if (event.key !== STORAGE_KEY && event.key !== null) return
    const stored = readStoredTicks()
    if (stored) {
      ticks = stored
      render()
    }
  })

  onEveryPage(render)
})()
