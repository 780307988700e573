// postguard's content script: reads the composer the user is typing in, asks the background for a
// check, and shows the findings, without ever writing into the editor (Grammarly's old <g> tags
// and Harper's fix-applying bugs broke editors exactly there). It makes no network request itself.
(() => {
  "use strict";
  // Registered twice (the manifest and a site added at run time) it still runs once per page.
  if (globalThis.__postguardContent) return;
  globalThis.__postguardContent = true;

  const api = globalThis.browser ?? globalThis.chrome;
  const DEBOUNCE_MS = 400;
  const CACHE_SIZE = 50;
  const HIGH = "postguard-high";
  const WARNING = "postguard-warning";
  // The CSS Custom Highlight API draws underlines without a node in the page; boxes stand in
  // where it is missing or refuses a content script's ranges.
  let useHighlights = typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight === "function";
  const root = document.documentElement;

  // One adapter per editor family, recognised by the marker its root carries (as Harper does).
  // `skip` names the editor's own decorations whose text is not part of the post.
  const FAMILIES = [
    { name: "draft", marker: ".public-DraftEditor-content", skip: "" },
    { name: "prosemirror", marker: ".ProseMirror", skip: ".ProseMirror-widget" },
    { name: "lexical", marker: '[data-lexical-editor="true"]', skip: '[data-lexical-decorator="true"]' },
    { name: "quill", marker: ".ql-editor", skip: ".ql-cursor, .ql-ui" },
  ];
  const BLOCK_TAGS = "address,article,aside,blockquote,dd,div,dl,dt,figcaption,figure,footer,h1,h2,h3,h4,h5,h6,header,hr,li,main,nav,ol,p,pre,section,ul";
  const BLOCKS = new Set(BLOCK_TAGS.toUpperCase().split(","));

  // ---- Reading a rich editor: its text, and where each UTF-16 offset lives in the DOM ----------

  // Each leaf block (a block with no block inside) is one line; lines are joined by "\n", as
  // Bluesky and Draft.js join paragraphs. A <br> is a line break unless it is the placeholder a
  // block keeps at its end. `pieces` map spans of the text to text nodes (or <br>s).
  function mapText(editorRoot, skip) {
    let text = "";
    const pieces = [];
    let started = false;
    let inLine = false;
    const newLine = () => {
      if (started) text += "\n";
      started = true;
      inLine = true;
    };
    const walk = (parent) => {
      for (let node = parent.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === Node.TEXT_NODE) {
          if (!node.data || (!inLine && formatting(node))) continue;
          if (!inLine) newLine();
          pieces.push({ node, start: text.length, end: text.length + node.data.length });
          text += node.data;
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          if (skip && node.matches(skip)) continue;
          if (node.tagName === "BR") {
            if (!inLine) newLine();
            if (!trailingBreak(node, editorRoot)) {
              pieces.push({ node, start: text.length, end: text.length + 1, br: true });
              text += "\n";
            }
          } else if (BLOCKS.has(node.tagName)) {
            const leaf = !node.querySelector(BLOCK_TAGS);
            if (leaf) newLine();
            else inLine = false;
            walk(node);
            inLine = false;
          } else {
            walk(node);
          }
        }
      }
    };
    walk(editorRoot);
    return { text, pieces };
  }

  // Whitespace with a line break between two blocks is the page's source layout, not text.
  function formatting(node) {
    const isBlock = (n) => n?.nodeType === Node.ELEMENT_NODE && BLOCKS.has(n.tagName);
    return /^[ \t\r\n]*\n[ \t\r\n]*$/.test(node.data) && (isBlock(node.previousSibling) || isBlock(node.nextSibling));
  }

  // A <br> with no text and no other <br> after it in its block only keeps an empty line open.
  function trailingBreak(br, editorRoot) {
    let block = br.parentElement;
    while (block !== editorRoot && !BLOCKS.has(block.tagName)) block = block.parentElement;
    const after = document.createRange();
    after.setStartAfter(br);
    after.setEnd(block, block.childNodes.length);
    return after.toString() === "" && !after.cloneContents().querySelector("br");
  }

  // The DOM point of a text offset: a range starts in the first piece that ends after it and
  // ends in the last piece that starts before it (so a "\n" between blocks belongs to neither).
  function pointAt(pieces, offset, edge) {
    let piece = null;
    if (edge === "start") piece = pieces.find((p) => offset < p.end);
    else for (const p of pieces) if (p.start < offset) piece = p;
    if (!piece) return null;
    const inside = Math.min(Math.max(offset, piece.start), piece.end) - piece.start;
    if (!piece.br) return [piece.node, inside];
    const index = Array.prototype.indexOf.call(piece.node.parentNode.childNodes, piece.node);
    return [piece.node.parentNode, index + inside];
  }

  function rangeOf(pieces, offset, length) {
    const start = pointAt(pieces, offset, "start");
    const end = pointAt(pieces, offset + length, "end");
    if (!start || !end) return null;
    const range = document.createRange();
    range.setStart(...start);
    range.setEnd(...end);
    return range.collapsed ? null : range;
  }

  function richAdapter(editorRoot, family) {
    return {
      root: editorRoot,
      family: family.name,
      read: () => mapText(editorRoot, family.skip),
      range: (snapshot, offset, length) => rangeOf(snapshot.pieces, offset, length),
      layout() {},
      close() {},
    };
  }

  // ---- A textarea: its value, measured through a mirror ----------------------------------------

  // A textarea's text has no DOM nodes to underline, so a transparent copy laid out exactly over
  // it carries the ranges (Grammarly's and Harper's mirror). The copy is edited in place, so live
  // ranges follow the user's typing until the next answer.
  const MIRRORED = [
    "boxSizing", "fontFamily", "fontSize", "fontWeight", "fontStyle", "fontVariant", "fontStretch",
    "letterSpacing", "wordSpacing", "lineHeight", "textAlign", "textIndent", "textTransform",
    "tabSize", "direction", "wordBreak", "paddingTop", "paddingRight", "paddingBottom",
    "paddingLeft", "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth",
  ];

  function textareaAdapter(area) {
    const mirror = ui.element("div", "mirror");
    const node = document.createTextNode("");
    mirror.append(node);
    const sync = (value) => {
      const old = node.data;
      let head = 0;
      while (head < old.length && head < value.length && old[head] === value[head]) head++;
      let tail = 0;
      while (tail < old.length - head && tail < value.length - head && old.at(-1 - tail) === value.at(-1 - tail)) tail++;
      node.replaceData(head, old.length - head - tail, value.slice(head, value.length - tail));
    };
    const onScroll = () => {
      mirror.scrollTop = area.scrollTop;
      mirror.scrollLeft = area.scrollLeft;
      ui.redraw();
    };
    const onInput = () => sync(area.value);
    area.addEventListener("scroll", onScroll, { passive: true });
    area.addEventListener("input", onInput);
    return {
      root: area,
      family: "textarea",
      read: () => ({ text: area.value }),
      range(snapshot, offset, length) {
        sync(snapshot.text);
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + length);
        return range;
      },
      layout() {
        const style = getComputedStyle(area);
        const box = area.getBoundingClientRect();
        for (const name of MIRRORED) mirror.style[name] = style[name];
        const scrollbar = area.offsetWidth - area.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
        Object.assign(mirror.style, {
          left: `${box.left}px`,
          top: `${box.top}px`,
          width: `${box.width}px`,
          height: `${box.height}px`,
          boxSizing: "border-box",
          paddingRight: `${parseFloat(style.paddingRight) + Math.max(0, scrollbar)}px`,
        });
        mirror.scrollTop = area.scrollTop;
        mirror.scrollLeft = area.scrollLeft;
      },
      close() {
        area.removeEventListener("scroll", onScroll);
        area.removeEventListener("input", onInput);
        mirror.remove();
      },
    };
  }

  // ---- What postguard draws: one closed shadow root beside the page, never inside the editor ---

  const STYLE = `
    ::highlight(${HIGH}) { text-decoration: underline wavy 2px #dc2626; background-color: rgb(220 38 38 / 0.10); }
    ::highlight(${WARNING}) { text-decoration: underline wavy 2px #d97706; background-color: rgb(217 119 6 / 0.10); }
  `;
  const SHADOW_STYLE = `
    ${STYLE}
    :host { all: initial; }
    .mirror { position: fixed; margin: 0; border-style: solid; border-color: transparent;
      color: transparent; background: transparent; white-space: pre-wrap; overflow-wrap: break-word;
      overflow: hidden; pointer-events: none; }
    .box { position: fixed; height: 0; border-bottom: 2px solid; pointer-events: none; }
    .box.high { border-color: #dc2626; } .box.warning { border-color: #d97706; }
    .badge { position: fixed; transform: translateX(-100%); padding: 1px 8px; border-radius: 9px;
      font: 600 11px/16px system-ui, sans-serif; color: #fff; background: #6b7280; opacity: .92;
      pointer-events: none; white-space: nowrap; max-width: 60vw; overflow: hidden; text-overflow: ellipsis; }
    .badge.pass { background: #15803d; } .badge.review { background: #b45309; } .badge.block { background: #b91c1c; }
    .popover { position: fixed; max-width: 340px; max-height: 60vh; overflow: auto; padding: 10px 12px; border-radius: 8px;
      font: 13px/1.4 system-ui, sans-serif; color: #111827; background: #fff; pointer-events: auto;
      box-shadow: 0 4px 16px rgb(0 0 0 / .18); border-top: 4px solid #d97706; user-select: text; }
    .popover.high { border-top-color: #dc2626; }
    .popover p { margin: 0 0 6px; } .rule { font-weight: 700; }
    .popover section + section { margin-top: 10px; padding-top: 8px; border-top: 1px solid #e5e7eb; }
    .clause { font-style: italic; color: #374151; } .fix { color: #1f2937; }
    .popover button { font: 600 12px system-ui, sans-serif; padding: 3px 10px; border-radius: 6px;
      border: 1px solid #9ca3af; background: #f3f4f6; color: #111827; cursor: pointer; }
  `;

  const ui = (() => {
    let host = null;
    let shadow = null;
    let badge = null;
    let popover = null;
    let spans = [];
    let boxes = [];
    const sheet = (css) => {
      try {
        const made = new CSSStyleSheet();
        made.replaceSync(css);
        return made;
      } catch {
        return null;
      }
    };
    const pageSheet = sheet(STYLE);
    const shadowSheet = sheet(SHADOW_STYLE);

    function ensure() {
      if (host?.isConnected) return;
      if (!host) {
        host = document.createElement("postguard-ui");
        shadow = host.attachShadow({ mode: "closed" });
        try {
          if (!shadowSheet) throw new Error("no constructed sheets");
          shadow.adoptedStyleSheets = [shadowSheet];
        } catch {
          const style = document.createElement("style");
          style.textContent = SHADOW_STYLE;
          shadow.append(style);
        }
        // Pointer events on postguard's own boxes stay there: the site never sees a click on them.
        for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup", "click"]) {
          shadow.addEventListener(type, (event) => event.stopPropagation());
        }
      }
      root.append(host);
    }

    // The ::highlight() rules for the page, as a constructed sheet: no <style> node, no page CSP.
    // Where a content script may not adopt one (older Firefox sandboxes), a <style> in <head>.
    let pageStyle = null;
    function ensurePageStyle() {
      try {
        if (!pageSheet) throw new Error("no constructed sheets");
        if (!document.adoptedStyleSheets.includes(pageSheet)) {
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
        }
      } catch {
        if (pageStyle?.isConnected) return;
        pageStyle = document.createElement("style");
        pageStyle.textContent = STYLE;
        (document.head ?? root).append(pageStyle);
      }
    }

    function element(tag, className) {
      ensure();
      const made = document.createElement(tag);
      made.className = className;
      shadow.append(made);
      return made;
    }

    function highlight(painted) {
      spans = painted;
      if (useHighlights) {
        try {
          ensurePageStyle();
          const high = new Highlight(...painted.filter((s) => s.high).map((s) => s.range));
          high.priority = 1; // a high finding inside a warning shows red
          CSS.highlights.set(HIGH, high);
          CSS.highlights.set(WARNING, new Highlight(...painted.filter((s) => !s.high).map((s) => s.range)));
        } catch {
          useHighlights = false;
        }
      }
      redraw();
    }

    // Without the Highlight API (older Firefox), boxes from the ranges' rectangles stand in.
    function redraw() {
      if (useHighlights) return;
      for (const box of boxes) box.remove();
      boxes = [];
      for (const span of [...spans].sort((a, b) => a.high - b.high)) { // high drawn last, on top
        for (const rect of span.range.getClientRects()) {
          const box = element("div", `box ${span.high ? "high" : "warning"}`);
          Object.assign(box.style, { left: `${rect.left}px`, top: `${rect.bottom - 1}px`, width: `${rect.width}px` });
          boxes.push(box);
        }
      }
    }

    function showBadge(editorRoot, kind, label) {
      badge ??= element("div", "badge");
      ensure();
      badge.className = `badge ${kind}`;
      badge.textContent = label;
      placeBadge(editorRoot);
    }

    function placeBadge(editorRoot) {
      if (!badge) return;
      const box = editorRoot.getBoundingClientRect();
      badge.style.left = `${box.right}px`;
      badge.style.top = `${Math.min(box.bottom + 4, innerHeight - 20)}px`;
    }

    // Every finding under the point, the narrowest first ("Jess" before the sentence holding it).
    function spansAt(x, y) {
      const hit = (r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom + 3;
      return spans
        .filter((span) => [...span.range.getClientRects()].some(hit))
        .sort((a, b) => a.match.length - b.match.length);
    }

    function insidePopover(x, y) {
      if (!popover?.isConnected) return false;
      const r = popover.getBoundingClientRect();
      return x >= r.left && x <= r.right && y >= r.top - 4 && y <= r.bottom + 4;
    }

    function openPopover(under) {
      const key = under.map((span) => `${span.match.offset}:${span.match.rule?.id}`).join(" ");
      if (popover?.isConnected && popover.dataset.key === key) return;
      closePopover();
      popover = element("div", `popover ${under.some((span) => span.high) ? "high" : "warning"}`);
      popover.dataset.key = key;
      for (const span of under) popover.append(card(span.match));
      // Under the flagged words, touching them so the pointer can move onto it; above them when
      // there is no room below.
      const rects = [...under[0].range.getClientRects()];
      const first = rects[0] ?? under[0].range.getBoundingClientRect();
      const last = rects.at(-1) ?? first;
      const height = popover.offsetHeight;
      const below = last.bottom + 2 + height <= innerHeight || first.top - 2 - height < 0;
      popover.style.left = `${Math.max(4, Math.min(last.left, innerWidth - popover.offsetWidth - 4))}px`;
      popover.style.top = `${below ? last.bottom + 2 : first.top - 2 - height}px`;
      root.dataset.postguardPopover = under.map((span) => span.match.rule?.id ?? "").join(" ");
    }

    // One finding: rule, clause, message, fix, and a button that copies the fix.
    function card(m) {
      const section = document.createElement("section");
      const line = (className, text) => {
        if (!text) return;
        const p = document.createElement("p");
        p.className = className;
        p.textContent = text;
        section.append(p);
      };
      line("rule", `${m.rule?.id ?? ""} ${m.shortMessage ?? ""}`.trim());
      line("clause", m.rule?.clause ?? "");
      line("message", m.message);
      line("fix", m.fix ? `Fix: ${m.fix}` : "");
      const fix = m.fix || m.replacements?.[0]?.value;
      if (fix) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = "Copy the fix";
        button.tabIndex = -1; // never a focus target: the caret stays in the editor
        button.addEventListener("mousedown", (event) => event.preventDefault());
        button.addEventListener("click", () => {
          navigator.clipboard.writeText(fix).then(
            () => { button.textContent = "Copied"; },
            () => { button.textContent = "Copy failed: select the fix above"; },
          );
        });
        section.append(button);
      }
      return section;
    }

    function closePopover() {
      if (!popover) return;
      popover.remove();
      popover = null;
      delete root.dataset.postguardPopover;
    }

    function clear() {
      highlight([]);
      closePopover();
      badge?.remove();
      badge = null;
      if (useHighlights) {
        CSS.highlights.delete(HIGH);
        CSS.highlights.delete(WARNING);
      }
    }

    return { element, highlight, redraw, showBadge, placeBadge, spansAt, insidePopover, openPopover, closePopover, clear };
  })();

  // ---- Following the active editor: events only, one debounce, stale answers dropped ----------

  const cache = new Map(); // text -> answer, most recent last
  const pending = new Map(); // text -> the request in flight for it
  let active = null;
  let timer = 0;
  let composing = false;

  function editorOf(target) {
    if (!(target instanceof Element)) return null;
    for (const family of FAMILIES) {
      const found = target.closest(family.marker);
      if (found?.isContentEditable) return richAdapterFor(found, family);
    }
    if (target instanceof HTMLTextAreaElement) {
      return target.readOnly || target.disabled ? null : { root: target, make: () => textareaAdapter(target) };
    }
    if (!target.isContentEditable) return null;
    let host = target;
    while (host.parentElement?.isContentEditable) host = host.parentElement;
    return richAdapterFor(host, { name: "contenteditable", skip: "" });
  }

  function richAdapterFor(editorRoot, family) {
    return { root: editorRoot, make: () => richAdapter(editorRoot, family) };
  }

  function attach(found) {
    detach();
    const adapter = found.make();
    const editor = { adapter, seq: 0, shown: null };
    const onEdit = () => schedule();
    const onKey = () => {
      ui.closePopover(); // whatever was pointed at may have moved
      schedule();
    };
    const onCompositionStart = () => {
      composing = true; // an IME is building a character: the text is not the user's yet
      clearTimeout(timer);
      editor.seq++;
    };
    const onCompositionEnd = () => {
      composing = false;
      schedule();
    };
    const target = adapter.root;
    target.addEventListener("input", onEdit);
    target.addEventListener("keyup", onEdit);
    target.addEventListener("keydown", onKey);
    target.addEventListener("compositionstart", onCompositionStart);
    target.addEventListener("compositionend", onCompositionEnd);
    // Editors that re-render without an input event (a pasted mention, an undo) still mutate.
    const observer = target instanceof HTMLTextAreaElement ? null : new MutationObserver(onEdit);
    observer?.observe(target, { subtree: true, childList: true, characterData: true });
    const resized = new ResizeObserver(() => layout());
    resized.observe(target);
    editor.close = () => {
      target.removeEventListener("input", onEdit);
      target.removeEventListener("keyup", onEdit);
      target.removeEventListener("keydown", onKey);
      target.removeEventListener("compositionstart", onCompositionStart);
      target.removeEventListener("compositionend", onCompositionEnd);
      observer?.disconnect();
      resized.disconnect();
      adapter.close();
    };
    active = editor;
    composing = false;
    schedule();
  }

  function detach() {
    clearTimeout(timer);
    if (!active) return;
    active.seq++;
    active.close();
    active = null;
    ui.clear();
    delete root.dataset.postguardFindings;
  }

  function schedule() {
    if (composing || !active) return;
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  // One request per distinct text: a cached answer, or the one already on its way.
  function ask(text) {
    const cached = cache.get(text);
    if (cached) return Promise.resolve(cached);
    if (!pending.has(text)) {
      const request = api.runtime.sendMessage({ kind: "check", text }).then((answer) => {
        if (answer?.status === "ok") {
          cache.set(text, answer);
          if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value);
        }
        return answer ?? { status: "error" };
      });
      pending.set(text, request);
      request.finally(() => pending.delete(text)).catch(() => {});
    }
    return pending.get(text);
  }

  async function run() {
    const editor = active;
    if (!editor) return;
    if (!editor.adapter.root.isConnected) return detach();
    const snapshot = editor.adapter.read();
    const seq = ++editor.seq;
    // Same text (a caret move, an editor re-render): the DOM may be new, the answer is not.
    if (editor.shown?.text === snapshot.text && editor.shown.answer.status === "ok") {
      return paint(editor, snapshot, editor.shown.answer);
    }
    let answer;
    if (!snapshot.text.trim()) answer = { status: "ok", matches: [], verdict: "pass" };
    else {
      try {
        answer = await ask(snapshot.text);
      } catch {
        return detach(); // the extension was reloaded or removed: this page's copy stops here
      }
    }
    // Paint only the newest answer, and only onto the very text it is about.
    if (editor !== active || seq !== editor.seq) return;
    const now = editor.adapter.read();
    if (now.text !== snapshot.text) return;
    paint(editor, now, answer);
  }

  const VERDICT_LABEL = { pass: "✓ postguard", review: "postguard: review", block: "postguard: fix before posting" };

  function paint(editor, snapshot, answer) {
    const adapter = editor.adapter;
    editor.shown = { text: snapshot.text, answer };
    adapter.layout();
    const painted = [];
    if (answer.status === "ok") {
      for (const match of answer.matches) {
        const { offset, length, excerpt } = match;
        if (!Number.isInteger(offset) || !Number.isInteger(length) || length <= 0) continue;
        // The server's excerpt must be exactly this text there, or the offsets are not ours.
        if (snapshot.text.slice(offset, offset + length) !== excerpt) continue;
        const range = adapter.range(snapshot, offset, length);
        if (range) painted.push({ range, match, high: match.severity === "high" });
      }
    }
    ui.closePopover();
    ui.highlight(painted);
    if (answer.status === "ok") {
      const count = painted.length + (answer.notices?.length ?? 0);
      const label = VERDICT_LABEL[answer.verdict] ?? "postguard";
      ui.showBadge(adapter.root, answer.verdict ?? "", count && answer.verdict !== "pass" ? `${label} · ${count}` : label);
    } else if (answer.status === "offline") {
      ui.showBadge(adapter.root, "off", "postguard is not running: start it with postguard web");
    } else if (answer.status === "unpaired") {
      ui.showBadge(adapter.root, "off", "postguard: pair it in the extension's options");
    } else {
      ui.showBadge(adapter.root, "off", "postguard could not check this");
    }
    root.dataset.postguardStatus = answer.status;
    root.dataset.postguardFindings = String(painted.length);
  }

  function layout() {
    if (!active) return;
    if (!active.adapter.root.isConnected) return detach();
    active.adapter.layout();
    ui.placeBadge(active.adapter.root);
    ui.redraw();
  }

  // Pointing at an underline opens its card; leaving both closes it. Nothing here takes focus.
  function onPointer(event) {
    if (!active) return;
    const under = ui.spansAt(event.clientX, event.clientY);
    if (under.length) ui.openPopover(under);
    else if (!ui.insidePopover(event.clientX, event.clientY)) ui.closePopover();
  }

  document.addEventListener("focusin", (event) => {
    const found = editorOf(event.composedPath()[0]);
    if (found && found.root !== active?.adapter.root) attach(found);
  }, true);
  document.addEventListener("mousemove", onPointer, { capture: true, passive: true });
  document.addEventListener("click", onPointer, { capture: true, passive: true });
  document.addEventListener("scroll", () => { ui.closePopover(); layout(); }, { capture: true, passive: true });
  addEventListener("resize", layout, { passive: true });

  const focused = document.activeElement && editorOf(document.activeElement);
  if (focused) attach(focused);
})();
