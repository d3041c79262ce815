/* Copying a widget's text to the clipboard: the checklist and the request share this one way.
 * widgets.js puts it after every-page.js, before the widgets that use it.
 * copyText(text, done) tries the async clipboard, then the old way (browsers and file:// pages
 * without it), and calls done(ok). showManualCopy puts the text, selected, in a textarea for the
 * reader to copy by hand when nothing could copy; a second call replaces the first one's.
 */
const copyBySelection = text => {
  const area = document.createElement("textarea")
  area.value = text
  area.readOnly = true
  area.className = "copy-source"
  document.body.append(area)
  area.select()
  let ok = false
  try {
    ok = document.execCommand("copy")
  } catch {
    ok = false
  }
  area.remove()
  return ok
}

const copyText = (text, done) => {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).then(() => done(true), () => done(copyBySelection(text)))
  } else {
    done(copyBySelection(text))
  }
}

// within: the widget's element; className: the textarea's; place(textarea) puts it on the page.
const showManualCopy = ({ within, className, text, rows, label, place }) => {
  const old = within.querySelector(`.${className}`)
  if (old) old.remove()
  if (text === null) return
  const manual = document.createElement("textarea")
  manual.className = className
  manual.readOnly = true
  manual.value = text
  manual.rows = rows
  manual.setAttribute("aria-label", label)
  place(manual)
  manual.focus()
  manual.select()
}
