/* Negotiation request widget: hooks/letter.py renders the form and the request written
 * from data/letter.yml's template, with blanks; this script fills the blanks as the
 * reader types, offers the budget's shares (budget.js, which widgets.js puts first),
 * copies and prints the request, and keeps what was typed in this browser only
 * (localStorage, one key for both editions). Nothing is sent anywhere.
 *   letterWriting: pure functions (the tests call them);
 *   the form: events delegated from the document, so nothing runs until a page has one.
 */

const letterWriting = (() => {
  const PLACEHOLDER = /\{([a-z]+)\}/g
  const OPTIONAL = ["name", "contract"]

  // The request's lines, one for each of the template's: each {placeholder} becomes its
  // value, or `blank`; a line whose optional value (name, contract) is empty is null (left out).
  const compose = (template, values, blank) => template.split("\n").map(line =>
    OPTIONAL.some(name => line.includes(`{${name}}`) && !String(values[name] ?? "").trim())
      ? null
      : line.replace(PLACEHOLDER, (whole, name) => String(values[name] ?? "").trim() || blank))

  // The budget's offers for the request's list: [{name, share}] for each debt with a share,
  // from the figures budgetStore keeps; [] when the budget leaves nothing to offer.
  const budgetOffers = figures => {
    const outcome = budgetMaths.evaluate(figures)
    if (outcome.kind !== "result") return []
    const debts = figures.debts.map((debt, index) => ({ name: debt.name.trim(), offer: outcome.offers[index] }))
    return debts.filter(debt => debt.offer && debt.offer.share > 0).map(debt => ({ name: debt.name, share: debt.offer.share }))
  }

  return Object.freeze({ compose, budgetOffers })
})()

;(() => {
  const FORM = "form[data-letter]"
  // Not tied to the URL path or language: both editions share what was typed.
  const KEY = "alipay-overdue-guide/letter"
  const VERSION = 1
  const FIELDS = ["reason", "name", "contract", "offer", "start", "debt"]
  let visit = null  // this visit's values: still right when storage fails

  /* ---- Storage: every access may throw (private mode, disabled, full) ---- */

  const stored = () => {
    try {
      const data = JSON.parse(localStorage.getItem(KEY))
      if (!data || typeof data !== "object" || data.version !== VERSION) return null
      return Object.fromEntries(FIELDS.map(name => [name, typeof data[name] === "string" ? data[name] : ""]))
    } catch {
      return null  // unreadable, or not JSON: the next change overwrites it
    }
  }

  const keep = values => {
    visit = values
    try {
      localStorage.setItem(KEY, JSON.stringify({ version: VERSION, ...values }))
    } catch {
      // storage unavailable or full: the values still hold for this visit
    }
  }

  const forget = () => {
    visit = null
    try {
      localStorage.removeItem(KEY)
    } catch {
      // nothing was kept
    }
  }

  /* ---- The form ---- */

  const control = (form, name) => form.querySelector(name === "debt" ? "[data-letter-debt]" : `[name=${name}]`)

  // Which of the budget's offers the reader chose: "auto" (the first, until they choose),
  // "" (they typed their own), or the offer's index. Kept apart from the list, which empties
  // while a budget figure on the same page is being corrected.
  const choices = new WeakMap()  // form → choice

  const valuesOf = form => ({
    ...Object.fromEntries(FIELDS.map(name => [name, control(form, name) ? control(form, name).value : ""])),
    debt: choices.get(form) ?? "auto",
  })

  const setText = (element, text) => {
    if (element && element.textContent !== text) element.textContent = text
  }

  // The list of the budget's offers, or hidden when the budget has none.
  const listOffers = form => {
    const select = control(form, "debt")
    if (!select) return
    const offers = letterWriting.budgetOffers(budgetStore.read())
    const { messageBudgetOption: option, messageUnnamedDebt: unnamed, messageTyped: typed } = form.dataset
    select.replaceChildren(...offers.map((offer, index) => new Option(
      option.replace("{debt}", offer.name || unnamed.replace("{number}", String(index + 1)))
        .replace("{offer}", budgetMaths.group(offer.share)), String(index))), new Option(typed, ""))
    select.closest("[data-letter-from-budget]").hidden = offers.length === 0
    const choice = choices.get(form) ?? "auto"
    select.value = !offers.length || choice === "" ? "" : Number(choice) < offers.length ? choice : "0"
    if (select.value !== "") control(form, "offer").value = String(offers[Number(select.value)].share)
  }

  const offerText = (form, raw) => {
    const input = control(form, "offer")
    const parsed = budgetMaths.parseAmount(raw)
    const message = form.querySelector(".letter__error")
    const key = parsed.error && `message${parsed.error.replace(/(^|_)(\w)/g, (_, __, c) => c.toUpperCase())}`
    setText(message, parsed.error ? form.dataset[key] || "" : "")
    if (parsed.error) input.setAttribute("aria-invalid", "true")
    else input.removeAttribute("aria-invalid")
    return parsed.fen === undefined ? "" : budgetMaths.yuanOf(parsed.fen)
  }

  const write = form => {
    const values = valuesOf(form)
    const reason = control(form, "reason").selectedOptions[0]
    const lines = letterWriting.compose(form.dataset.letterTemplate, {
      ...values,
      reason: reason && reason.value ? reason.dataset.letterReasonText : "",
      offer: offerText(form, values.offer),
    }, form.dataset.letterBlank)
    // One paragraph per template line (hooks/letter.py), changed only where its text
    // changes, so a screen reader hears the line that changed, not the whole request.
    const paragraphs = form.querySelectorAll("[data-letter-output] > p")
    lines.forEach((line, index) => {
      if (!paragraphs[index]) return
      paragraphs[index].hidden = line === null
      if (line !== null) setText(paragraphs[index], line)
    })
    return values
  }

  const setUp = () => {
    for (const form of document.querySelectorAll(FORM)) {
      const values = visit || stored() || {}
      for (const name of FIELDS) if (name !== "debt" && control(form, name)) control(form, name).value = values[name] || ""
      choices.set(form, values.debt === "" && values.offer ? "" : values.debt || "auto")
      listOffers(form)
      form.querySelector(".letter__actions").hidden = false
      write(form)
    }
  }

  /* ---- Copy and print ---- */

  // Nothing could copy: the text, selected, for the reader to copy by hand (copy-text.js).
  const copied = (form, text, ok) => {
    setText(form.querySelector(".letter__feedback"), ok ? form.dataset.messageCopied : form.dataset.messageCopyFailed)
    showManualCopy({
      within: form,
      className: "letter__manual-copy",
      text: ok ? null : text,
      rows: text.split("\n").length + 1,
      label: form.querySelector(".letter__title").textContent,
      place: manual => form.querySelector(".letter__feedback").after(manual),
    })
  }

  const copy = form => {
    const text = [...form.querySelectorAll("[data-letter-output] > p:not([hidden])")].map(p => p.textContent).join("\n")
    copyText(text, ok => copied(form, text, ok))
  }

  // Only the request goes on paper: the rest of the page is hidden while printing.
  const print = () => {
    document.documentElement.classList.add("letter-printing")
    window.addEventListener("afterprint", () => document.documentElement.classList.remove("letter-printing"), { once: true })
    window.print()
  }

  /* ---- Events: once, on the document ---- */

  const formOf = event => event.target instanceof Element && event.target.closest(FORM)

  document.addEventListener("input", event => {
    if (event.target instanceof Element && event.target.closest("form[data-budget]")) {
      // The budget on the same page (the single-file edition): its new offers, now.
      for (const form of document.querySelectorAll(FORM)) {
        listOffers(form)
        write(form)
      }
      return
    }
    const form = formOf(event)
    if (!form) return
    if (event.target.name === "offer") {  // typed in: no longer the budget's
      choices.set(form, "")
      listOffers(form)
    }
    keep(write(form))
  })

  document.addEventListener("change", event => {
    const form = formOf(event)
    if (!form || !(event.target.matches("select"))) return
    if (event.target.matches("[data-letter-debt]")) {
      choices.set(form, event.target.value)
      listOffers(form)
    }
    keep(write(form))
  })

  document.addEventListener("click", event => {
    const button = event.target instanceof Element && event.target.closest("button")
    const form = button && button.closest(FORM)
    if (!form) return
    if (button.matches("[data-letter-copy]")) copy(form)
    else if (button.matches("[data-letter-print]")) print()
    else if (button.matches("[data-letter-clear]") && window.confirm(form.dataset.messageClearConfirm)) {
      forget()
      for (const name of FIELDS) if (name !== "debt" && control(form, name)) control(form, name).value = ""
      choices.delete(form)
      listOffers(form)
      setText(form.querySelector(".letter__feedback"), "")
      write(form)
    }
  })

  document.addEventListener("submit", event => {
    if (event.target instanceof Element && event.target.matches(FORM)) event.preventDefault()
  })

  onEveryPage(setUp)
})()
