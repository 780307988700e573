// The settings page: the profile's fields, and a watch-list that is only ever added to or cleared
// (the names are hashed by the server and never come back).
"use strict";

(() => {
  const { api, el } = window.postguard;
  const form = document.getElementById("profile-form");
  const status = document.getElementById("profile-status");
  const watchForm = document.getElementById("watch-form");
  const watchName = document.getElementById("watch-name");
  const watchStatus = document.getElementById("watch-status");
  const watchCount = document.getElementById("watch-count");
  const LISTS = ["titles", "credentials", "spokesperson_for"];

  function fill(profile) {
    form.elements.name.value = profile.name;
    for (const key of LISTS) form.elements[key].value = profile[key].join("\n");
    const pack = form.elements.pack;
    pack.replaceChildren(...profile.packs.map((p) => el("option", { value: p, selected: p === profile.pack }, p)));
    watchCount.textContent = String(profile.watched_names);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = { name: form.elements.name.value, pack: form.elements.pack.value };
    for (const key of LISTS) body[key] = form.elements[key].value.split("\n").map((v) => v.trim()).filter(Boolean);
    try {
      fill(await api("PUT", "/v1/profile", body));
      status.textContent = "Saved.";
    } catch (err) {
      status.textContent = `Not saved: ${err.message}`;
    }
  });

  watchForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = watchName.value.trim();
    if (!name) {
      watchStatus.textContent = "Type a name first.";
      return;
    }
    try {
      const answer = await api("POST", "/v1/profile/watch", { name });
      watchName.value = "";
      watchCount.textContent = String(answer.watched_names);
      watchStatus.textContent = "Added. The name itself was not saved.";
    } catch (err) {
      watchStatus.textContent = `Not added: ${err.message}`;
    }
  });

  document.getElementById("watch-clear").addEventListener("click", async () => {
    if (!window.confirm("Forget every name on the watch-list?")) return;
    const answer = await api("DELETE", "/v1/profile/watch");
    watchCount.textContent = String(answer.watched_names);
    watchStatus.textContent = "The watch-list is empty.";
  });

  const pairCode = document.getElementById("pair-code");
  const pairedList = document.getElementById("paired-list");

  async function listPaired() {
    const paired = await api("GET", "/v1/paired");
    if (!paired.length) {
      pairedList.replaceChildren(el("li", {}, "None yet."));
      return;
    }
    pairedList.replaceChildren(...paired.map((p) => {
      const remove = el("button", { type: "button", class: "link" }, "disconnect");
      remove.addEventListener("click", async () => {
        await api("DELETE", `/v1/paired/${p.id}`);
        listPaired();
      });
      const since = new Date(p.paired_at * 1000).toLocaleDateString();
      return el("li", {}, `${p.origin.startsWith("moz-") ? "Firefox" : "Chrome/Chromium"} extension, connected ${since} `, remove);
    }));
  }

  document.getElementById("pair-code-button").addEventListener("click", async () => {
    const answer = await api("POST", "/v1/pair/code", {});
    pairCode.textContent = `${answer.code} (works once, for ${Math.round(answer.valid_seconds / 60)} minutes)`;
    setTimeout(listPaired, 15000);
  });
  listPaired().catch(() => {});

  api("GET", "/v1/profile").then(fill, (err) => { status.textContent = `Could not load the settings: ${err.message}`; });
})();
