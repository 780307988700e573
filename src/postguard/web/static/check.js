// The check page: live as you type (debounced), problem words underlined behind the textarea,
// one card per finding with the policy clause and the fix. Offsets are asked for in UTF-16 units,
// JavaScript's own, and a match is painted only where the text still reads as its excerpt.
"use strict";

(() => {
  const DEBOUNCE_MS = 350;
  const { api, el } = window.postguard;
  const draft = document.getElementById("draft");
  const backdrop = document.getElementById("highlights");
  const findings = document.getElementById("findings");
  const verdictBox = document.getElementById("verdict");
  const saferButton = document.getElementById("copy-safer");
  const copyStatus = document.getElementById("copy-status");
  const photoInput = document.getElementById("photos");
  const photoList = document.getElementById("photo-list");
  const VERDICTS = {
    block: ["Don't post", "this post breaks the policy"],
    review: ["Review", "look again before posting"],
    pass: ["OK to post", "nothing in the policy stands in the way"],
  };
  let timer = null;
  let sequence = 0;
  let photos = []; // {id, name}
  let lastMatches = [];

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  }

  async function run() {
    const text = draft.value;
    const mine = ++sequence;
    if (!text.trim() && photos.length === 0) {
      paint(text, []);
      showVerdict(null);
      findings.replaceChildren();
      lastMatches = [];
      saferButton.disabled = true;
      document.documentElement.dataset.postguardChecked = String(mine);
      return;
    }
    verdictBox.setAttribute("aria-busy", "true");
    try {
      const body = { text, offsetUnits: "utf16", images: photos.map((p) => p.id) };
      const answer = await api("POST", "/v1/check", body);
      if (mine !== sequence || draft.value !== text) return; // a newer text is on its way
      const matches = answer.matches.filter((m) => text.slice(m.offset, m.offset + m.length) === m.excerpt);
      lastMatches = matches;
      paint(text, matches);
      showVerdict(answer);
      showFindings(text, matches, answer.notices, answer.warnings.notes);
      saferButton.disabled = !matches.some((m) => m.replacements.length);
    } catch (err) {
      if (mine !== sequence) return;
      verdictBox.className = "verdict verdict-error";
      verdictBox.textContent = `Could not check: ${err.message}`;
    } finally {
      if (mine === sequence) {
        verdictBox.removeAttribute("aria-busy");
        document.documentElement.dataset.postguardChecked = String(mine);
      }
    }
  }

  /** The text again behind the textarea, with each match's words in a <mark>. */
  function paint(text, matches) {
    const nodes = [];
    let at = 0;
    const ordered = [...matches].sort((a, b) => a.offset - b.offset || b.length - a.length);
    for (const m of ordered) {
      if (m.offset < at) continue; // overlapping matches: the first one is underlined
      nodes.push(text.slice(at, m.offset));
      nodes.push(el("mark", { class: `sev-${m.severity}`, "data-rule": m.rule.id }, m.excerpt));
      at = m.offset + m.length;
    }
    nodes.push(text.slice(at), "\n"); // a final newline keeps the last line's height
    backdrop.replaceChildren(...nodes);
    backdrop.scrollTop = draft.scrollTop;
  }

  function showVerdict(answer) {
    if (!answer) {
      verdictBox.className = "verdict verdict-none";
      verdictBox.textContent = "Nothing checked yet.";
      return;
    }
    const [word, why] = VERDICTS[answer.verdict];
    verdictBox.className = `verdict verdict-${answer.verdict}`;
    verdictBox.replaceChildren(el("strong", {}, word), ` ${why}`);
  }

  function showFindings(text, matches, notices, notes) {
    const cards = [];
    for (const m of matches) cards.push(card(m, m.excerpt, m.replacements));
    for (const n of notices) cards.push(card(n, null, []));
    for (const note of notes) cards.push(el("li", { class: "finding note" }, note));
    if (!cards.length) cards.push(el("li", { class: "finding none" }, "No problems found."));
    findings.replaceChildren(...cards);
  }

  function card(item, words, replacements) {
    const status = el("span", { role: "status", "aria-live": "polite", class: "copy-status" });
    const li = el(
      "li",
      { class: `finding finding-${item.severity}`, "data-rule": item.rule.id },
      el("p", { class: "finding-title" },
        el("span", { class: `sev sev-${item.severity}` }, item.severity === "high" ? "must fix" : "review"),
        " ", el("a", { href: `/rules/${item.rule.id}` }, `${item.rule.id} ${item.shortMessage}`)),
      el("p", { class: "finding-message" }, item.message),
      words ? el("p", { class: "finding-words" }, "Words: ", el("q", {}, words)) : null,
      item.source && item.source !== "text" ? el("p", { class: "finding-words" }, `In ${item.source.replace(/^image:/, "the photo ")}`) : null,
      el("blockquote", { class: "clause" }, item.rule.clause),
      el("p", { class: "finding-fix" }, el("strong", {}, "Fix: "), item.fix),
      replacements.length
        ? el("p", {}, el("button", { type: "button", class: "copy-fix", onclick: () => window.postguard.copy(replacements[0].value, status) },
            "Copy the fix"), " ", el("q", {}, replacements[0].value), " ", status)
        : null,
    );
    if (words !== null) {
      li.addEventListener("click", (event) => {
        if (event.target.closest("a, button")) return;
        draft.focus();
        draft.setSelectionRange(item.offset, item.offset + item.length);
      });
    }
    return li;
  }

  /** The draft with every match that has a replacement rewritten (from the end, so offsets hold). */
  function saferText() {
    let text = draft.value;
    const ordered = lastMatches.filter((m) => m.replacements.length).sort((a, b) => b.offset - a.offset);
    let limit = Infinity;
    for (const m of ordered) {
      if (m.offset + m.length > limit) continue;
      text = text.slice(0, m.offset) + m.replacements[0].value + text.slice(m.offset + m.length);
      limit = m.offset;
    }
    return text;
  }

  async function attach() {
    for (const file of photoInput.files) {
      const item = el("li", {}, `${file.name}: uploading…`);
      photoList.append(item);
      try {
        const up = await api("POST", `/v1/uploads?name=${encodeURIComponent(file.name)}`, file, "application/octet-stream");
        photos.push({ id: up.id, name: up.name });
        const remove = el("button", { type: "button", class: "link", "aria-label": `Remove ${up.name}` }, "remove");
        remove.addEventListener("click", async () => {
          photos = photos.filter((p) => p.id !== up.id);
          item.remove();
          api("DELETE", `/v1/uploads/${up.id}`).catch(() => {});
          schedule();
        });
        item.replaceChildren(`${up.name} (${up.type}) `, remove);
      } catch (err) {
        item.textContent = `${file.name}: ${err.message}`;
        item.className = "error";
      }
    }
    photoInput.value = "";
    schedule();
  }

  draft.addEventListener("input", () => {
    paint(draft.value, []); // old underlines would sit on the wrong words
    schedule();
  });
  draft.addEventListener("scroll", () => { backdrop.scrollTop = draft.scrollTop; });
  photoInput.addEventListener("change", attach);
  saferButton.addEventListener("click", () => window.postguard.copy(saferText(), copyStatus));
  if (draft.value) schedule();
})();
