/* Checklist widget: hooks/checklist.py renders real checkboxes; this script
   keeps one tick per action across pages, reloads and visits (localStorage),
   shows the progress, and adds the copy and reset buttons. Every string it
   shows comes from the block's data-checklist-* attributes (data/checklist.yml). */
(function () {
  "use strict";

  // camelCase, so no element id (lower-case, hyphenated) can shadow it as a window property.
  if (window.siteChecklist) return; // loaded twice: keep the first copy's listeners only

  // Not tied to the URL path, site name or language: both editions share the ticks.
  var STORAGE_KEY = "alipay-overdue-guide/checklist";
  var VERSION = 1;

  // This visit's ticks (item id → true): still right when storage fails.
  var ticks = readStoredTicks() || {};

  /* ---- Storage: every access may throw (private mode, disabled, full) ---- */

  function readStoredTicks() {
    var raw;
    try {
      raw = window.localStorage.getItem(STORAGE_KEY);
    } catch (error) {
      return null;
    }
    if (raw === null) return {};
    try {
      return ticksFrom(JSON.parse(raw));
    } catch (error) {
      return null; // not JSON: ignore it, the next tick overwrites it
    }
  }

  // The ticks in stored data of this version, or null for any other shape.
  function ticksFrom(data) {
    if (!data || typeof data !== "object" || data.version !== VERSION) return null;
    var items = data.items;
    if (!items || typeof items !== "object" || Array.isArray(items)) return null;
    var result = {};
    Object.keys(items).forEach(function (id) {
      if (items[id] === true) result[id] = true;
    });
    return result;
  }

  function storeTicks(known) {
    var items = {};
    Object.keys(ticks).forEach(function (id) {
      if (!known || known.indexOf(id) !== -1) items[id] = true; // drop actions that no longer exist
    });
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, items: items }));
    } catch (error) {
      /* storage unavailable or full: the ticks still hold for this visit */
    }
  }

  /* ---- Showing the ticks ---- */

  function blocks() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-checklist]"));
  }

  function boxes(root) {
    return Array.prototype.slice.call(root.querySelectorAll("input[data-checklist-item]"));
  }

  function render() {
    boxes(document).forEach(function (box) {
      box.checked = ticks[box.getAttribute("data-checklist-item")] === true;
    });
    blocks().forEach(function (block) {
      var own = boxes(block);
      var done = own.filter(function (box) { return box.checked; }).length;
      var text = progressText(block.getAttribute("data-checklist-progress"), done, own.length);
      var progress = block.querySelector(".checklist__progress");
      // Only real changes, so screen readers hear the figure once per tick.
      if (progress && progress.textContent !== text) progress.textContent = text;
      var actions = block.querySelector(".checklist__actions");
      if (actions) actions.hidden = false;
    });
  }

  function progressText(template, done, total) {
    return template.replace("{done}", String(done)).replace("{total}", String(total));
  }

  /* ---- Copy as plain text ---- */

  function checklistText(block) {
    var done = block.getAttribute("data-checklist-done-mark");
    var todo = block.getAttribute("data-checklist-todo-mark");
    var lines = [block.getAttribute("data-checklist-copy-heading")];
    var parts = block.querySelectorAll(".checklist__stage-name, input[data-checklist-item]");
    Array.prototype.forEach.call(parts, function (part) {
      if (part.tagName !== "INPUT") {
        lines.push("", part.textContent.trim());
      } else {
        var label = part.labels && part.labels[0];
        lines.push((part.checked ? done : todo) + " " + (label ? label.textContent.trim() : ""));
      }
    });
    var progress = block.querySelector(".checklist__progress");
    if (progress && progress.textContent) lines.push("", progress.textContent);
    return lines.join("\n");
  }

  function copy(block) {
    var text = checklistText(block);
    var done = function (ok) { copied(block, text, ok); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(copyBySelection(text)); });
    } else {
      done(copyBySelection(text));
    }
  }

  // The old way, for browsers (and file:// pages) without the async clipboard.
  function copyBySelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "checklist__copy-source";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (error) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }

  function copied(block, text, ok) {
    var feedback = block.querySelector(".checklist__feedback");
    if (feedback) {
      feedback.textContent = block.getAttribute(ok ? "data-checklist-copied" : "data-checklist-copy-failed");
    }
    var manual = block.querySelector(".checklist__manual-copy");
    if (manual) manual.parentNode.removeChild(manual);
    if (!ok) {
      // Nothing could copy: show the text, selected, for the reader to copy by hand.
      manual = document.createElement("textarea");
      manual.className = "checklist__manual-copy";
      manual.readOnly = true;
      manual.value = text;
      manual.rows = text.split("\n").length;
      manual.setAttribute("aria-label", block.getAttribute("data-checklist-copy-heading"));
      block.appendChild(manual);
      manual.focus();
      manual.select();
    }
  }

  /* ---- Events: delegated once to the document, so instant navigation
         (which swaps the page content) never adds a second listener ---- */

  function known(block) {
    return (block.getAttribute("data-checklist-known") || "").split(" ");
  }

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("input[data-checklist-item]")) return;
    var id = box.getAttribute("data-checklist-item");
    if (box.checked) ticks[id] = true;
    else delete ticks[id];
    var block = box.closest("[data-checklist]");
    storeTicks(block && known(block));
    render(); // the same action elsewhere on the page, and every progress figure
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-checklist-action]");
    var block = button && button.closest("[data-checklist]");
    if (!block) return;
    var feedback = block.querySelector(".checklist__feedback");
    if (button.getAttribute("data-checklist-action") === "copy") {
      copy(block);
    } else if (window.confirm(block.getAttribute("data-checklist-confirm"))) {
      ticks = {};
      storeTicks(known(block));
      if (feedback) feedback.textContent = "";
      render();
    }
  });

  // Another tab ticked something: show it here too.
  window.addEventListener("storage", function (event) {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    var stored = readStoredTicks();
    if (stored) {
      ticks = stored;
      render();
    }
  });

  // Material's document$ emits after each instant navigation. It never emits
  // from file:// (instant navigation is off there and completes it at once),
  // so the first page is also rendered on DOMContentLoaded; render is idempotent.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(render);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }

  // For tests and the curious: what "copy" would put on the clipboard.
  window.siteChecklist = { text: checklistText };
})();
