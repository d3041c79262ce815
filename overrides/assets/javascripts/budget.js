/* Budget widget: hooks/budget.py renders the form, with its labels, hints and messages
 * from data/budget.yml; this script does the maths as the reader types, marks a figure
 * it cannot read, and keeps the figures in this browser only (localStorage, one key for
 * both editions). Nothing is sent anywhere. Three parts:
 *   budgetMaths: pure functions, text and numbers in, numbers out (letter.js and the tests call them);
 *   budgetStore: the storage rules (the checklist's: a failure only stops keeping);
 *   the form: events delegated from the document, so nothing runs until a page has a budget.
 */

// Money is counted in fen (分), as integers, so sums are exact; a share is whole yuan, rounded down.
const budgetMaths = (() => {
  const MAX_YUAN = 100000000  // far past any monthly figure or personal debt: catches an extra zero or two
  const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/

  // {fen} for a sum as a reader types it ("8000", "8,000", "８０００", "3500.5", "3500元"),
  // {empty: true} for nothing, or {error: "not_a_number" | "negative" | "too_large"}.
  const parseAmount = raw => {
    const text = String(raw ?? "").normalize("NFKC").replace(/[\s,，]/g, "").replace(/元$/, "")
    if (text === "") return { empty: true }
    if (/^[-−‐‑–—]/.test(text) && AMOUNT.test(text.slice(1))) return { error: "negative" }
    const match = AMOUNT.exec(text)
    if (!match) return { error: "not_a_number" }
    if (match[1].replace(/^0+/, "").length > String(MAX_YUAN).length) return { error: "too_large" }
    const fen = Number(match[1]) * 100 + Number((match[2] || "").padEnd(2, "0"))
    return fen > MAX_YUAN * 100 ? { error: "too_large" } : { fen }
  }

  const sum = values => values.reduce((total, fen) => total + fen, 0)

  // income, spending: fen; debts: fen, each > 0. The amount available each month is
  // income − spending; each debt's share of it is in proportion to its balance (whole
  // yuan, rounded down), and its months are balance ÷ share, rounded up (null for a share of 0).
  const plan = ({ income, spending, debts }) => {
    const availableFen = sum(income) - sum(spending)
    const available = Math.floor(availableFen / 100)
    if (available <= 0) return { available, shares: [], months: [] }
    const total = BigInt(sum(debts))
    const shares = debts.map(fen => Number(BigInt(availableFen) * BigInt(fen) / (total * 100n)))
    const months = debts.map((fen, i) => {
      const share = BigInt(shares[i]) * 100n
      return share > 0n ? Number((BigInt(fen) + share - 1n) / share) : null
    })
    return { available, shares, months }
  }

  // What the form shows for the figures as typed: {income: {id: text}, spending: {id: text},
  // debts: [{name, amount}]} → errors per field and debt row, totals, and the outcome:
  // "start" (nothing typed yet), "fix" (a figure to correct), "nothing_left", "no_debts" or "result".
  const evaluate = ({ income = {}, spending = {}, debts = [] }) => {
    const errors = {}
    const read = (group, kind) => Object.keys(group).map(id => {
      const parsed = parseAmount(group[id])
      if (parsed.error) errors[`${kind}:${id}`] = parsed.error
      return parsed
    })
    const incomes = read(income, "income")
    const spendings = read(spending, "spending")
    const rows = debts.map(({ name, amount }) => {
      const parsed = parseAmount(amount)
      if (parsed.error) return { error: parsed.error }
      if (parsed.empty && !String(name ?? "").trim()) return { blank: true }
      return parsed.fen > 0 ? { fen: parsed.fen } : { error: "amount_missing" }
    })
    const fen = parsed => parsed.filter(p => p.fen !== undefined).map(p => p.fen)
    const totals = {
      income: incomes.some(p => p.error) ? null : sum(fen(incomes)),
      spending: spendings.some(p => p.error) ? null : sum(fen(spendings)),
    }
    const outcome = { errors, debtErrors: rows.map(row => row.error || null), totals, available: null, offers: rows.map(() => null) }
    if (Object.keys(errors).length || rows.some(row => row.error)) return { ...outcome, kind: "fix" }
    if ([...incomes, ...spendings].every(p => p.empty)) return { ...outcome, kind: "start" }
    const owed = rows.filter(row => row.fen)
    const { available, shares, months } = plan({ income: fen(incomes), spending: fen(spendings), debts: owed.map(row => row.fen) })
    if (available <= 0) return { ...outcome, kind: "nothing_left" }
    const offers = rows.map(row => row.fen ? { share: shares[owed.indexOf(row)], months: months[owed.indexOf(row)] } : null)
    return { ...outcome, kind: owed.length ? "result" : "no_debts", available, offers }
  }

  // 3000 → "3,000"; fen → yuan with its fen when it has any: 350050 → "3,500.50".
  const group = yuan => String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  const yuanOf = fen => group(Math.floor(fen / 100)) + (fen % 100 ? `.${String(fen % 100).padStart(2, "0")}` : "")

  return Object.freeze({ MAX_YUAN, parseAmount, plan, evaluate, group, yuanOf })
})()

// The figures as typed, kept in this browser only. Every access may throw (private mode, disabled, full).
const budgetStore = (() => {
  // Not tied to the URL path or language: both editions share the figures.
  const KEY = "alipay-overdue-guide/budget"
  const VERSION = 1
  let visit = null  // this visit's figures: still right when storage fails

  const texts = value => value && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([, text]) => typeof text === "string"))
    : {}

  // The figures in stored data of this version, or null for any other shape.
  const figuresFrom = data => {
    if (!data || typeof data !== "object" || data.version !== VERSION || !Array.isArray(data.debts)) return null
    const debts = data.debts.filter(debt => debt && typeof debt === "object")
      .map(debt => ({ name: String(debt.name ?? ""), amount: String(debt.amount ?? "") }))
    return { income: texts(data.income), spending: texts(data.spending), debts }
  }

  const stored = () => {
    try {
      const raw = localStorage.getItem(KEY)
      return raw === null ? null : figuresFrom(JSON.parse(raw))
    } catch {
      return null  // unreadable, or not JSON: the next change overwrites it
    }
  }

  const read = () => visit || stored() || { income: {}, spending: {}, debts: [] }

  const write = figures => {
    visit = figures
    try {
      localStorage.setItem(KEY, JSON.stringify({ version: VERSION, ...figures }))
    } catch {
      // storage unavailable or full: the figures still hold for this visit
    }
  }

  const clear = () => {
    visit = null
    try {
      localStorage.removeItem(KEY)
    } catch {
      // nothing was kept
    }
  }

  return Object.freeze({ KEY, read, write, clear })
})()

;(() => {
  const FORM = "form[data-budget]"
  const DEBT = "[data-budget-debt]"
  let errorIds = 0  // for the error messages of rows added on the page

  const debtInputs = row => [row.querySelector("input[name=debt-name]"), row.querySelector("input[name=debt-amount]")]

  // The figures as the form holds them; the blank debt rows are not kept.
  const figuresOf = form => {
    const figures = { income: {}, spending: {}, debts: [] }
    for (const input of form.querySelectorAll("input[data-budget-field]")) {
      figures[input.dataset.budgetField === "income" ? "income" : "spending"][input.name] = input.value
    }
    for (const row of form.querySelectorAll(DEBT)) {
      const [name, amount] = debtInputs(row)
      if (name.value.trim() || amount.value.trim()) figures.debts.push({ name: name.value, amount: amount.value })
    }
    return figures
  }

  const setText = (element, text) => {
    // Only real changes, so screen readers hear each result once.
    if (element && element.textContent !== text) element.textContent = text
  }

  const mark = (form, input, error) => {
    const message = input.closest("td").querySelector(".budget__error")
    if (message && !message.id) {
      message.id = `budget-debt-error-${++errorIds}`
      input.setAttribute("aria-describedby", message.id)
    }
    if (error) input.setAttribute("aria-invalid", "true")
    else input.removeAttribute("aria-invalid")
    const key = `message${error.replace(/(^|_)(\w)/g, (_, __, c) => c.toUpperCase())}`
    setText(message, error ? form.dataset[key] || "" : "")
  }

  const show = (form, outcome) => {
    const { group, yuanOf } = budgetMaths
    for (const input of form.querySelectorAll("input[data-budget-field]")) {
      mark(form, input, outcome.errors[`${input.dataset.budgetField}:${input.name}`] || "")
    }
    form.querySelectorAll(DEBT).forEach((row, index) => {
      mark(form, debtInputs(row)[1], outcome.debtErrors[index] || "")
      const offer = outcome.offers[index]
      setText(row.querySelector("[data-budget-offer]"), offer ? group(offer.share) : "")
      setText(row.querySelector("[data-budget-months]"), offer && offer.months !== null ? group(offer.months) : "")
    })
    for (const total of form.querySelectorAll("[data-budget-total]")) {
      const fen = outcome.totals[total.dataset.budgetTotal]
      setText(total, fen === null || outcome.kind === "start" ? "" : yuanOf(fen))
    }
    const available = outcome.available === null ? "" : group(outcome.available)
    setText(form.querySelector("[data-budget-available]"), available)
    const summary = {
      start: form.dataset.messageStart, fix: form.dataset.messageFixFields, nothing_left: "",
      no_debts: form.dataset.messageNoDebts, result: form.dataset.messageResult,
    }[outcome.kind] || ""
    setText(form.querySelector("[data-budget-summary]"), summary.replace("{available}", available))
    const nothingLeft = form.querySelector("[data-budget-nothing-left]")
    if (nothingLeft) nothingLeft.hidden = outcome.kind !== "nothing_left"
  }

  const update = (form, keep) => {
    const figures = figuresOf(form)
    show(form, budgetMaths.evaluate(figures))
    if (keep) budgetStore.write(figures)
  }

  const addRow = form => {
    const rows = form.querySelectorAll(DEBT)
    const row = rows[rows.length - 1].cloneNode(true)
    for (const input of debtInputs(row)) {
      input.value = ""
      input.removeAttribute("aria-invalid")
      input.removeAttribute("aria-describedby")
    }
    const message = row.querySelector(".budget__error")
    message.removeAttribute("id")
    message.textContent = ""
    rows[rows.length - 1].after(row)
    return row
  }

  // The kept figures into the form: as many debt rows as it needs.
  const fill = (form, figures) => {
    for (const input of form.querySelectorAll("input[data-budget-field]")) {
      const group = figures[input.dataset.budgetField === "income" ? "income" : "spending"]
      input.value = Object.prototype.hasOwnProperty.call(group, input.name) ? group[input.name] : ""
    }
    while (form.querySelectorAll(DEBT).length < figures.debts.length) addRow(form)
    form.querySelectorAll(DEBT).forEach((row, index) => {
      const [name, amount] = debtInputs(row)
      const debt = figures.debts[index] || { name: "", amount: "" }
      name.value = debt.name
      amount.value = debt.amount
    })
  }

  const setUp = () => {
    for (const form of document.querySelectorAll(FORM)) {
      for (const hidden of form.querySelectorAll(".budget__actions, [data-budget-remove]")) hidden.hidden = false
      fill(form, budgetStore.read())
      update(form, false)
    }
  }

  const removeRow = (form, row) => {
    const rows = [...form.querySelectorAll(DEBT)]
    const next = rows[rows.indexOf(row) + 1] || rows[rows.indexOf(row) - 1]
    if (next) row.remove()
    else for (const input of debtInputs(row)) input.value = ""  // the last row: emptied, not removed
    debtInputs(next || row)[0].focus()
  }

  /* ---- Events: once, on the document ---- */

  document.addEventListener("input", event => {
    const form = event.target instanceof Element && event.target.closest(FORM)
    if (form) update(form, true)
  })

  document.addEventListener("click", event => {
    const button = event.target instanceof Element && event.target.closest("button")
    const form = button && button.closest(FORM)
    if (!form) return
    if (button.matches("[data-budget-add]")) {
      debtInputs(addRow(form))[0].focus()
    } else if (button.matches("[data-budget-remove]")) {
      removeRow(form, button.closest(DEBT))
    } else if (button.matches("[data-budget-clear]")) {
      if (!window.confirm(form.dataset.messageClearConfirm)) return
      budgetStore.clear()
      fill(form, { income: {}, spending: {}, debts: [] })
      update(form, false)
      return
    } else {
      return
    }
    update(form, true)
  })

  // Enter in a field must not send the form anywhere (it has nowhere to go).
  document.addEventListener("submit", event => {
    if (event.target instanceof Element && event.target.matches(FORM)) event.preventDefault()
  })

  onEveryPage(setUp)
})()
