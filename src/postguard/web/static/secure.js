// The security checkup page: exports sent (or named by path), the checkup's report framed below,
// and the hacked-account response for one platform.
"use strict";

(() => {
  const { api } = window.postguard;
  const files = document.getElementById("secure-files");
  const paths = document.getElementById("secure-paths");
  const status = document.getElementById("secure-status");
  const result = document.getElementById("secure-result");
  const summary = document.getElementById("secure-summary");
  const frame = document.getElementById("secure-report");
  const hackedStatus = document.getElementById("hacked-status");
  const hackedFrame = document.getElementById("hacked-report");
  let sent = null; // {key, ids}: uploads already sent for the current file selection

  async function exports(say) {
    const key = [...files.files].map((f) => `${f.name}:${f.size}:${f.lastModified}`).join("|");
    if (!sent || sent.key !== key) {
      const ids = [];
      for (const file of files.files) {
        say.textContent = `Sending ${file.name}…`;
        const up = await api("POST", `/v1/secure/exports?name=${encodeURIComponent(file.name)}`, file, "application/zip");
        ids.push(up.id);
      }
      sent = { key, ids };
    }
    return { uploads: sent.ids, paths: paths.value.split("\n").map((p) => p.trim()).filter(Boolean) };
  }

  document.getElementById("secure-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const body = await exports(status);
      if (!body.uploads.length && !body.paths.length) {
        status.textContent = "Choose an export file or type its path first.";
        return;
      }
      status.textContent = "Checking…";
      const answer = await api("POST", "/v1/secure", body);
      const open = answer.accounts.reduce((n, a) => n + a.signals.length, 0);
      summary.textContent = `Score ${answer.score}/100 over ${answer.accounts.length} account(s); ` +
        `${open} thing(s) to look at; ${answer.sign_ins.length} sign-in record(s) read` +
        (answer.skipped.length ? `; ${answer.skipped.length} could not be read (listed in the report).` : ".");
      frame.src = answer.report;
      result.hidden = false;
      status.textContent = "Done.";
    } catch (err) {
      status.textContent = `Could not run the checkup: ${err.message}`;
    }
  });

  document.getElementById("hacked-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const body = await exports(hackedStatus);
      body.platform = document.getElementById("hacked-platform").value;
      body.canLogIn = document.querySelector('input[name="can-log-in"]:checked').value === "yes";
      body.record = document.getElementById("hacked-record").checked;
      hackedStatus.textContent = "Working…";
      const answer = await api("POST", "/v1/secure/hacked", body);
      hackedFrame.src = answer.report;
      hackedFrame.hidden = false;
      hackedStatus.textContent = answer.evidence_entry !== null
        ? `Done. Recorded in your abuse log as entry ${answer.evidence_entry}.` : "Done.";
    } catch (err) {
      hackedStatus.textContent = `Could not prepare the steps: ${err.message}`;
    }
  });
})();
