// The photos page: each photo dropped or chosen is uploaded, its metadata shown in plain words,
// cleaned and offered as a download, one card per photo. A photo that fails shows why on its own
// card and the others carry on.
//
// Photos are cleaned as soon as they are added, with no "Remove the metadata" button to press:
// someone who brings a photo to a page called "Clean photos" has already decided, the original
// is never changed (so there is nothing to confirm or undo), and a busy member with ten photos
// should not have to click ten buttons. The card still shows what each photo gave away.
"use strict";

(() => {
  const { api, el } = window.postguard;
  const zone = document.getElementById("drop-zone");
  const input = document.getElementById("photo-input");
  const cards = document.getElementById("photo-cards");
  const status = document.getElementById("photos-status");
  let queue = Promise.resolve();

  function sentence(text) {
    return text.charAt(0).toUpperCase() + text.slice(1) + ".";
  }

  /** Cards for every file at once (so the member sees them all), then one photo at a time. */
  function add(files) {
    for (const file of files) {
      const card = newCard(file);
      cards.prepend(card.li);
      queue = queue.then(() => clean(file, card));
    }
  }

  function newCard(file) {
    const stage = el("p", { class: "photo-stage" }, "Waiting…");
    const body = el("div", { class: "photo-body" });
    const thumb = el("img", { class: "photo-thumb", alt: "", src: URL.createObjectURL(file) });
    thumb.addEventListener("load", () => URL.revokeObjectURL(thumb.src));
    thumb.addEventListener("error", () => { URL.revokeObjectURL(thumb.src); thumb.hidden = true; });
    const forget = el("button", { type: "button", class: "secondary", "aria-label": `Forget ${file.name}` }, "Forget this photo");
    const li = el(
      "li",
      { class: "card photo-card", "aria-busy": "true" },
      el("div", { class: "photo-head" }, thumb, el("h2", {}, file.name), forget),
      stage,
      body,
    );
    const card = { li, stage, body, forget, id: null, download: null };
    forget.addEventListener("click", () => {
      if (card.id) api("DELETE", `/v1/uploads/${card.id}`).catch(() => {});
      if (card.download) URL.revokeObjectURL(card.download);
      li.remove();
      status.textContent = `${file.name} forgotten.`;
      input.focus();
    });
    return card;
  }

  async function clean(file, card) {
    try {
      card.stage.textContent = "Uploading…";
      const up = await api("POST", `/v1/uploads?name=${encodeURIComponent(file.name)}`, file, "application/octet-stream");
      card.id = up.id;
      card.stage.textContent = "Reading what it gives away…";
      const before = await api("GET", `/v1/uploads/${up.id}/metadata`);
      card.body.append(beforePart(before));
      card.stage.textContent = "Removing the metadata…";
      const cleaned = await api("POST", `/v1/uploads/${up.id}/scrub`, {});
      const copy = await api("GET", cleaned.clean.url);
      card.download = URL.createObjectURL(copy);
      card.body.append(afterPart(cleaned, card.download));
      card.stage.remove();
      status.textContent = `${file.name}: cleaned. ${cleaned.after.identifying ? "Something identifying is still in the copy." : "Nothing identifying left."}`;
    } catch (err) {
      card.stage.className = "photo-stage error";
      card.stage.textContent = `Could not clean this photo: ${err.message}`;
      card.li.classList.add("photo-failed");
      status.textContent = `${file.name}: could not be cleaned. ${err.message}`;
    } finally {
      card.li.removeAttribute("aria-busy");
    }
  }

  function revealList(reveals) {
    return el("ul", { class: "reveals" },
      reveals.map((r) => el("li", { class: `reveal reveal-${r.kind}` }, sentence(r.text))));
  }

  function beforePart(meta) {
    const notes = [...meta.notes, ...meta.problems].map((n) => el("p", { class: "help" }, sentence(n)));
    return el("section", { class: "photo-before" },
      el("h3", {}, "What it gives away"),
      meta.identifying ? revealList(meta.reveals) : el("p", {}, "Nothing identifying was found in its metadata."),
      notes);
  }

  function afterPart(cleaned, url) {
    const after = cleaned.after;
    const kept = cleaned.kept_words.length
      ? el("p", { class: "help" }, `It keeps only its ${cleaned.kept_words.join(" and ")}, which say nothing about you.`)
      : null;
    const n = cleaned.removed_count;
    return el("section", { class: "photo-after" },
      el("h3", {}, "The clean copy"),
      after.identifying
        ? [el("p", { class: "error" }, "Still in the copy:"), revealList(after.reveals)]
        : el("p", { class: "photo-ok" }, "Nothing identifying left."),
      kept,
      el("p", {}, el("a", { class: "button", href: url, download: cleaned.clean.name }, "Download the clean copy"),
        " ", el("span", { class: "help" }, cleaned.clean.name)),
      el("details", {},
        el("summary", {}, "Technical details"),
        el("p", {}, `${n} tag${n === 1 ? "" : "s"} removed: ${cleaned.removed_summary}.`),
        el("p", {}, `SHA-256 of the clean copy: ${cleaned.clean.sha256}`)));
  }

  input.addEventListener("change", () => {
    add([...input.files]);
    input.value = "";
  });
  for (const name of ["dragenter", "dragover"]) {
    zone.addEventListener(name, (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
  }
  zone.addEventListener("dragleave", (event) => {
    if (!zone.contains(event.relatedTarget)) zone.classList.remove("dragging");
  });
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    add([...event.dataTransfer.files]);
  });
  // A photo dropped just beside the zone must not make the browser leave the page to show it.
  window.addEventListener("dragover", (event) => event.preventDefault());
  window.addEventListener("drop", (event) => event.preventDefault());
})();
