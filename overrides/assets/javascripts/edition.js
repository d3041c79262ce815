/* Suggests the other edition to a reader whose browser prefers its script: on the
 * Traditional edition, when the first Chinese language the browser asks for is a
 * Simplified one (zh-CN, zh-SG, zh-Hans…), and the mirror on the Simplified edition.
 * A small bar, fixed at the bottom so nothing moves, in the other edition's script,
 * linking to the same page there. It never redirects. Following or closing it is
 * remembered; when storage fails it may show again on the next load, nothing else.
 * Everything comes from the edition link above the article (overrides/main.html):
 *   <a href hreflang lang data-suggest-to="zh-Hans zh-CN zh-SG"
 *      data-suggestion="用简体中文阅读本页" data-dismiss="关闭">简体中文</a>
 */
(() => {
  const STORAGE_KEY = "alipay-overdue-guide/edition-suggestion"
  let answered = false  // this visit's answer: holds when storage fails

  const remembered = () => {
    try {
      return localStorage.getItem(STORAGE_KEY) !== null
    } catch {
      return false
    }
  }

  const remember = answer => {
    answered = true
    try {
      localStorage.setItem(STORAGE_KEY, answer)
    } catch {
      // no storage: the bar stays away for this visit only
    }
  }

  // Does the first Chinese language the browser asks for belong to these tags (or their subtags)?
  const prefers = tags => {
    const first = (navigator.languages || [navigator.language]).find(tag => /^zh(-|$)/i.test(tag))
    const wanted = first ? first.toLowerCase() : ""
    return tags.some(tag => wanted === tag.toLowerCase() || wanted.startsWith(`${tag.toLowerCase()}-`))
  }

  const bar = link => {
    const aside = document.createElement("aside")
    aside.className = "edition-suggestion"
    aside.lang = link.lang
    aside.setAttribute("aria-label", link.textContent.trim())
    const follow = document.createElement("a")
    follow.className = "edition-suggestion__link"
    follow.hreflang = link.hreflang
    follow.textContent = link.dataset.suggestion
    follow.addEventListener("click", () => remember("followed"))
    const close = document.createElement("button")
    close.type = "button"
    close.className = "edition-suggestion__close"
    close.setAttribute("aria-label", link.dataset.dismiss)
    close.textContent = "×"
    close.addEventListener("click", () => {
      remember("dismissed")
      aside.remove()
    })
    aside.append(follow, close)
    return aside
  }

  const suggest = () => {
    const link = document.querySelector(".edition-switch a[data-suggestion]")
    let shown = document.querySelector(".edition-suggestion")
    if (!link || answered || remembered() || !prefers(link.dataset.suggestTo.split(" "))) {
      if (shown) shown.remove()
      return
    }
    if (!shown) {
      shown = bar(link)
      // Early in the tab order, after Material's skip link; outside what instant navigation replaces.
      const skip = document.querySelector("[data-md-component=skip]")
      if (skip) skip.after(shown)
      else document.body.prepend(shown)
    }
    shown.querySelector("a").href = link.href  // this page's counterpart
  }

  // Not needed to read the page: after the page's own start-up, when the browser is idle.
  onEveryPage(() => whenIdle(suggest))
})()
