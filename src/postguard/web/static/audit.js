// The audit page: send an export (or name one on this computer), follow the audit from its event
// stream, then show what it found and the report. The stream is read with fetch() because
// EventSource cannot send the CSRF header. An audit that read nothing never looks like a clean account.
"use strict";

(() => {
  const { api, el, csrf } = window.postguard;
  const KEY = "postguard-audit"; // the audit this tab follows, so a reload or a visit elsewhere comes back to it
  const RETRIES = 5;
  const $ = (id) => document.getElementById(id);
  const form = $("audit-form");
  const fileInput = $("export-file");
  const pathInput = $("export-path");
  const dropZone = $("drop-zone");
  const chosen = $("chosen");
  const startButton = $("start");
  const formError = $("form-error");
  const run = $("run");
  const bar = $("bar");
  const progressText = $("progress-text");
  const cancelButton = $("cancel");
  const result = $("result");
  let file = null;
  let current = null; // the id of the audit being followed

  const count = (n) => Number(n).toLocaleString("en-GB");
  const plural = (n, one, many) => `${count(n)} ${n === 1 ? one : many}`;

  /** A server's message as one plain sentence: capital first, full stop last. */
  function sentence(text) {
    const trimmed = String(text).trim();
    const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
    return /[.!?]$/.test(capital) ? capital : `${capital}.`;
  }

  function megabytes(bytes) {
    return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }

  function choose(picked) {
    file = picked || null;
    chosen.textContent = file ? `Chosen: ${file.name} (${megabytes(file.size)})` : "";
    if (file) pathInput.value = "";
    formError.textContent = "";
  }

  /** The events of a text/event-stream body, parsed as the HTML standard says: {type, data}. */
  async function* readEvents(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    let type = "message";
    let data = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      const lines = buffer.split(/\r\n|\r(?!$)|\n/); // a final "\r" may be half of a "\r\n"
      buffer = lines.pop();
      for (const line of lines) {
        if (line === "") {
          if (data.length) yield { type, data: JSON.parse(data.join("\n")) };
          type = "message";
          data = [];
          continue;
        }
        if (line.startsWith(":")) continue; // a comment: the server's keep-alive
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") type = text;
        else if (field === "data") data.push(text);
      }
    }
  }

  function busy(yes) {
    startButton.disabled = yes;
    cancelButton.hidden = !yes;
    cancelButton.disabled = false;
  }

  function showRun(name, text) {
    $("run-verb").textContent = "Auditing";
    $("run-name").textContent = name;
    bar.hidden = false;
    bar.removeAttribute("value");
    progressText.className = "progress-text";
    progressText.textContent = text;
    run.hidden = false;
    result.hidden = true;
    $("report").removeAttribute("src");
  }

  function showProgress({ status, done, total }) {
    if (status === "queued") {
      bar.removeAttribute("value");
      progressText.textContent = "Waiting for another audit to finish first…";
    } else if (status === "cancelling") {
      cancelButton.disabled = true;
      progressText.textContent = "Stopping the audit…";
    } else if (total === null) {
      bar.removeAttribute("value");
      progressText.textContent = "Reading the export…";
    } else {
      bar.max = Math.max(total, 1);
      bar.value = Math.min(done, total);
      const first = done === 0 && status === "running" ? " (the first posts take a few seconds)" : "";
      progressText.textContent = `${count(done)} of ${plural(total, "post", "posts")} checked${first}`;
    }
  }

  /** Follow an audit to its end; a dropped stream is opened again (it restarts from the current state). */
  async function follow(id, tries = 0) {
    current = id;
    sessionStorage.setItem(KEY, id);
    busy(true);
    let ending = null;
    try {
      const response = await fetch(`/v1/audits/${id}/events`, {
        headers: { "X-Postguard-CSRF": csrf(), Accept: "text/event-stream" },
        credentials: "same-origin",
        cache: "no-store",
      });
      if (!response.ok) {
        const answer = await response.json().catch(() => ({}));
        ending = { type: "error", data: { error: answer.error || response.statusText } };
        if (response.status === 404) sessionStorage.removeItem(KEY);
      } else {
        for await (const event of readEvents(response.body)) {
          if (id !== current) return;
          if (event.type === "progress") showProgress(event.data);
          else {
            ending = event;
            break;
          }
        }
      }
    } catch (err) {
      // the connection dropped: it is opened again below
    }
    if (id !== current) return;
    if (!ending && tries >= RETRIES) ending = { type: "error", data: { error: "postguard stopped answering: is it still running?" } };
    if (ending) finish(ending.type, ending.data);
    else setTimeout(() => follow(id, tries + 1), 1000);
  }

  function finish(type, job) {
    busy(false);
    $("run-verb").textContent = { done: "Audited", cancelled: "Cancelled:", error: "Could not audit" }[type];
    if (type === "done") {
      const { done, total } = job.progress;
      bar.max = 1;
      bar.value = 1;
      bar.hidden = job.summary.read_nothing; // a full bar would look like success
      progressText.textContent = job.summary.read_nothing
        ? "Finished, but no posts could be read from this export."
        : `Finished: ${count(done)} of ${plural(total ?? done, "post", "posts")} checked.`;
      showResult(job);
      return;
    }
    bar.hidden = true;
    progressText.className = "progress-text error";
    progressText.textContent =
      type === "cancelled" ? "The audit was cancelled. Nothing from it was kept." : sentence(`The audit could not finish: ${job.error}`);
  }

  function alertBox(title, detail) {
    return el("div", { class: "alert", role: "alert" }, el("p", { class: "alert-title" }, title), detail ? el("p", {}, detail) : null);
  }

  function fact(label, value) {
    return el("div", {}, el("dt", {}, label), el("dd", {}, count(value)));
  }

  function headline(s, high, review) {
    const where = s.incomplete.length ? `the ${plural(s.posts, "post", "posts")} that could be read` : plural(s.posts, "post", "posts");
    if (high) {
      const also = review ? ` and ${count(review)} to review` : "";
      return ["bad", `${plural(high, "finding", "findings")} to fix${also}, in ${where}.`];
    }
    if (review) return ["warn", `Nothing must be fixed; ${plural(review, "finding", "findings")} to review, in ${where}.`];
    return ["ok", `No problems found in ${where}.`];
  }

  function showResult(job) {
    const s = job.summary;
    const high = s.by_severity.high || 0;
    const review = s.by_severity.warning || 0;
    const notChecked = Object.values(s.not_checked || {}).reduce((a, b) => a + b, 0);
    const notes = [...job.warnings];
    const alerts = [];
    if (s.read_nothing) alerts.push(alertBox("Not a clean result: nothing was read.", notes.shift()));
    else if (s.incomplete.length) alerts.push(alertBox("This audit is incomplete.", notes.shift()));
    $("alerts").replaceChildren(...alerts);
    const [tone, words] = headline(s, high, review);
    const facts = [
      fact("Posts checked", s.posts),
      fact("Findings to fix", high),
      fact("Findings to review", review),
      fact("Possible account takeovers", s.incidents),
    ];
    if (notChecked) facts.push(fact("Posts not checked", notChecked));
    if (s.deleted_checked) facts.push(fact("Deleted posts checked", s.deleted_checked));
    if (s.media && s.media.checked) facts.push(fact("Photos checked", s.media.checked));
    const parts = [el("dl", { class: "facts" }, facts)];
    if (!s.read_nothing) parts.unshift(el("p", { class: `headline headline-${tone}` }, words)); // the alert says it
    if (notes.length) {
      parts.push(el("details", { class: "notes" },
        el("summary", {}, `${plural(notes.length, "note", "notes")} on what could not be read or checked`),
        el("ul", {}, notes.map((note) => el("li", {}, note)))));
    }
    $("summary").replaceChildren(...parts);
    const report = `/audit/${job.id}/report`;
    $("report-link").href = report;
    $("report").src = report;
    result.hidden = false;
    $("result-heading").focus();
  }

  fileInput.addEventListener("change", () => choose(fileInput.files[0]));
  pathInput.addEventListener("input", () => {
    if (pathInput.value && file) {
      fileInput.value = "";
      choose(null);
    }
  });
  for (const type of ["dragenter", "dragover"]) {
    dropZone.addEventListener(type, (event) => {
      event.preventDefault();
      dropZone.classList.add("dragging");
    });
  }
  for (const type of ["dragleave", "drop"]) dropZone.addEventListener(type, () => dropZone.classList.remove("dragging"));
  // A file dropped just beside the zone would otherwise be opened by the browser, leaving this page.
  for (const type of ["dragover", "drop"]) window.addEventListener(type, (event) => event.preventDefault());
  dropZone.addEventListener("drop", (event) => {
    event.preventDefault();
    const dropped = event.dataTransfer.files;
    if (dropped.length) {
      fileInput.files = dropped;
      choose(dropped[0]);
    }
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    formError.textContent = "";
    const path = pathInput.value.trim();
    if (!file && !path) {
      formError.textContent = "Choose the export file, or type where it is, first.";
      return;
    }
    const options = { includeDeleted: $("include-deleted").checked, media: $("media").checked };
    busy(true);
    cancelButton.hidden = true; // nothing to cancel until the server has the audit
    try {
      let job;
      if (file) {
        showRun(file.name, "Sending the export to postguard…");
        const query = new URLSearchParams({ name: file.name, ...options });
        job = await api("POST", `/v1/audits?${query}`, file, "application/octet-stream");
      } else {
        showRun(path, "Starting…");
        job = await api("POST", "/v1/audits", { path, ...options });
      }
      $("run-name").textContent = job.name;
      follow(job.id);
    } catch (err) {
      busy(false);
      run.hidden = true;
      formError.textContent = sentence(`The audit could not start: ${err.message}`);
    }
  });

  cancelButton.addEventListener("click", async () => {
    cancelButton.disabled = true;
    progressText.textContent = "Stopping the audit…";
    try {
      await api("DELETE", `/v1/audits/${current}`);
    } catch (err) {
      cancelButton.disabled = false;
      progressText.textContent = sentence(`Could not cancel: ${err.message}`);
    }
  });

  const saved = sessionStorage.getItem(KEY);
  if (saved) {
    api("GET", `/v1/audits/${saved}`)
      .then((job) => {
        showRun(job.name, "");
        follow(job.id);
      })
      .catch(() => sessionStorage.removeItem(KEY));
  }
})();
