// The abuse log page: add an incident (screenshots go to /v1/uploads first), the timeline with
// thumbnails fetched as blobs (an <img src> cannot send the CSRF header), the log check, and the
// bundle download.
"use strict";

(() => {
  const { api, el } = window.postguard;
  const form = document.getElementById("add-form");
  const saveButton = document.getElementById("ev-save");
  const addStatus = document.getElementById("add-status");
  const shotInput = document.getElementById("ev-shots");
  const shotList = document.getElementById("ev-shot-list");
  const timeline = document.getElementById("timeline");
  const timelineStatus = document.getElementById("timeline-status");
  const verifyButton = document.getElementById("verify");
  const verifyResult = document.getElementById("verify-result");
  const exportForm = document.getElementById("export-form");
  const exportButton = document.getElementById("export");
  const exportStatus = document.getElementById("export-status");
  const FOR = { platform: "the platform", police: "the police", complaint: "a complaint" };
  let shots = []; // {id, name}
  let flagged = new Map(); // entry id -> what the last check found wrong with it
  let uploading = 0;

  function say(node, text, isError) {
    node.classList.toggle("error", Boolean(isError));
    node.textContent = text;
  }

  async function attach() {
    for (const file of shotInput.files) {
      const item = el("li", {}, `${file.name}: adding…`);
      shotList.append(item);
      uploading += 1;
      try {
        const up = await api("POST", `/v1/uploads?name=${encodeURIComponent(file.name)}`, file, "application/octet-stream");
        shots.push({ id: up.id, name: up.name });
        const remove = el("button", { type: "button", class: "link", "aria-label": `Remove ${up.name}` }, "remove");
        remove.addEventListener("click", () => {
          shots = shots.filter((s) => s.id !== up.id);
          item.remove();
          api("DELETE", `/v1/uploads/${up.id}`).catch(() => {});
        });
        item.replaceChildren(`${up.name} (${up.type}) `, remove);
      } catch (err) {
        item.className = "error";
        item.textContent = `${file.name} could not be added: ${err.message}`;
      } finally {
        uploading -= 1;
      }
    }
    shotInput.value = "";
  }

  async function save(event) {
    event.preventDefault();
    if (uploading) {
      say(addStatus, "Please wait: a screenshot is still being added.", true);
      return;
    }
    const value = (name) => form.elements[name].value;
    const body = {
      platform: value("platform"),
      author: value("author"),
      url: value("url"),
      occurred_at: value("occurred_at") || null,
      text: value("text"),
      note: value("note") || null,
      kind: value("kind") || null,
      characteristic: value("characteristic") || null,
      screenshots: shots.map((s) => s.id),
    };
    saveButton.disabled = true;
    say(addStatus, "Saving…");
    try {
      const entry = await api("POST", "/v1/evidence", body);
      form.reset();
      shots = [];
      shotList.replaceChildren();
      const files = entry.files ? `, with ${entry.files} screenshot${entry.files === 1 ? "" : "s"}` : "";
      say(addStatus, `Saved as entry ${entry.id} in your log${files}, recorded as ${entry.kind_label}. It is on the timeline below.`);
      await refresh();
    } catch (err) {
      say(addStatus, `Not saved: ${err.message}`, true);
    } finally {
      saveButton.disabled = false;
    }
  }

  function when(entry) {
    const stamp = entry.content.occurred_at;
    if (!stamp) return "Date unknown";
    return new Date(stamp).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
  }

  function item(entry) {
    const c = entry.content;
    const shotsBox = el("div", { class: "thumbs" });
    for (const shot of entry.screenshots) shotsBox.append(thumbnail(entry, shot));
    const extra = entry.files - entry.screenshots.length;
    return el(
      "li",
      { class: `entry${entry.damaged || flagged.has(entry.id) ? " entry-damaged" : ""}`, "data-entry": entry.id },
      el("p", { class: "entry-head" },
        el("time", { datetime: c.occurred_at || "" }, when(entry)),
        " · ", el("strong", {}, c.platform || "unknown platform"),
        " · from ", el("span", { class: "who" }, c.author || "unknown"),
        el("span", { class: "kind" }, entry.kind_label)),
      c.text ? el("blockquote", { class: "received" }, c.text) : null,
      c.note ? el("p", { class: "note" }, el("strong", {}, "Your note: "), c.note) : null,
      c.url ? el("p", { class: "where" }, "Link: ", el("span", { class: "url" }, c.url)) : null,
      shotsBox.childElementCount ? shotsBox : null,
      flagged.has(entry.id) ? el("p", { class: "entry-problem" }, `The check found: ${flagged.get(entry.id).join(" ")}`) : null,
      el("p", { class: "entry-foot" },
        `Entry ${entry.id}`,
        entry.files ? ` · ${entry.files} file${entry.files === 1 ? "" : "s"}` : " · no screenshots",
        extra > 0 ? ` (${extra} not a picture)` : "",
        entry.status ? ` · ${entry.status}` : ""),
    );
  }

  function thumbnail(entry, shot) {
    const label = `Screenshot ${shot.n} of entry ${entry.id}: ${shot.name}`;
    const box = el("figure", { class: "thumb" }, el("figcaption", {}, shot.name));
    api("GET", shot.url)
      .then((blob) => {
        const img = el("img", { src: URL.createObjectURL(blob), alt: label });
        img.addEventListener("load", () => URL.revokeObjectURL(img.src), { once: true });
        box.prepend(img);
      })
      .catch((err) => box.prepend(el("p", { class: "error" }, `${shot.name}: ${err.message}`)));
    return box;
  }

  async function refresh() {
    try {
      const { entries } = await api("GET", "/v1/evidence");
      timeline.replaceChildren(...entries.map(item));
      say(timelineStatus, entries.length
        ? `${entries.length} entr${entries.length === 1 ? "y" : "ies"} in the log.`
        : "Nothing recorded yet. When you add an incident it appears here.");
    } catch (err) {
      say(timelineStatus, `Could not read the log: ${err.message}`, true);
    }
  }

  async function check() {
    verifyButton.disabled = true;
    say(verifyResult, "Checking…");
    try {
      const result = await api("GET", "/v1/evidence/verify");
      verifyResult.className = `status verify-${result.intact ? "ok" : "bad"}`;
      verifyResult.replaceChildren(el("p", {}, result.summary));
      if (result.problems.length) verifyResult.append(el("ul", {}, result.problems.map((p) => el("li", {}, p.message))));
      flagged = new Map();
      for (const p of result.problems) flagged.set(p.entry, [...(flagged.get(p.entry) || []), `${p.detail}.`]);
      await refresh();
    } catch (err) {
      say(verifyResult, `Could not check the log: ${err.message}`, true);
    } finally {
      verifyButton.disabled = false;
    }
  }

  /** The bundle, by fetch() rather than api(): its file name and summary are in the headers. */
  async function download(event) {
    event.preventDefault();
    const audience = exportForm.elements.audience.value;
    const member = exportForm.elements.member.value.trim() || null;
    exportButton.disabled = true;
    say(exportStatus, "Preparing the bundle: this can take a little while…");
    try {
      const response = await fetch("/v1/evidence/export", {
        method: "POST",
        headers: { "X-Postguard-CSRF": window.postguard.csrf(), "Content-Type": "application/json" },
        body: JSON.stringify({ audience, member }),
        credentials: "same-origin",
      });
      if (!response.ok) {
        const data = await response.json().catch(() => ({}));
        throw new Error(data.error || response.statusText);
      }
      const disposition = response.headers.get("content-disposition") || "";
      const name = (disposition.match(/filename="?([^";]+)"?/) || [])[1] || "postguard-evidence.zip";
      const url = URL.createObjectURL(await response.blob());
      const link = el("a", { href: url, download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      const incidents = response.headers.get("x-postguard-incidents");
      let message = `Downloaded ${name}: ${incidents} incident${incidents === "1" ? "" : "s"}, prepared for ${FOR[audience]}.`;
      if (response.headers.get("x-postguard-log-intact") === "no") {
        message += " The log did not pass its check, and the report says so: see “Check the log” above.";
      }
      say(exportStatus, message);
    } catch (err) {
      say(exportStatus, `Could not export: ${err.message}`, true);
    } finally {
      exportButton.disabled = false;
    }
  }

  shotInput.addEventListener("change", attach);
  form.addEventListener("submit", save);
  verifyButton.addEventListener("click", check);
  exportForm.addEventListener("submit", download);
  refresh();
})();
