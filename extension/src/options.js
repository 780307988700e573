// The options page: pairing (through the background, which alone talks to postguard) and the
// Mastodon servers the user adds.
"use strict";

const api = globalThis.browser ?? globalThis.chrome;
const LOCAL = "http://127.0.0.1/*";
// A host name such as mastodon.social or social.example.org: no scheme, path or port.
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const $ = (id) => document.getElementById(id);

// The address shown is the one paired with, unless the user has started typing another.
let addressEdited = false;
$("address").addEventListener("input", () => { addressEdited = true; });

function say(element, text, ok) {
  element.textContent = text;
  element.className = ok ? "ok" : "error";
}

async function refresh() {
  const state = await api.runtime.sendMessage({ kind: "status" });
  if (!state || state.status !== "ok") return;
  if (!addressEdited) $("address").value = state.base;
  const running = state.running ? "postguard is running" : "postguard is not running: start it with `postguard web`";
  $("state").textContent = `${state.paired ? "Paired" : "Not paired yet"} with ${state.base}. ${running}.`;
  await showSites();
}

async function showSites() {
  const { sites = [] } = await api.storage.local.get("sites");
  const list = $("sites");
  list.replaceChildren();
  for (const pattern of sites) {
    const item = document.createElement("li");
    item.textContent = pattern.replace(/^https:\/\//, "").replace(/\/\*$/, "");
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "Remove";
    remove.addEventListener("click", () => removeSite(pattern));
    item.append(remove);
    list.append(item);
  }
}

$("pair").addEventListener("submit", (event) => {
  event.preventDefault();
  // Firefox grants host permissions only when asked, from a click: ask before anything awaits.
  const allowed = api.permissions.request({ origins: [LOCAL] }).catch(() => false);
  allowed.then(async (granted) => {
    if (!granted) return say($("result"), "postguard needs your permission to reach 127.0.0.1.", false);
    const answer = await api.runtime.sendMessage({ kind: "pair", address: $("address").value, code: $("code").value });
    if (answer?.status === "ok") {
      $("code").value = "";
      say($("result"), `Paired with postguard at ${answer.base}.`, true);
      await refresh();
    } else {
      say($("result"), answer?.message ?? "Pairing failed.", false);
    }
  });
});

$("add-site").addEventListener("submit", (event) => {
  event.preventDefault();
  const domain = $("domain").value.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  if (!DOMAIN.test(domain)) return say($("site-result"), "Type the server's name, like mastodon.social.", false);
  const pattern = `https://${domain}/*`;
  api.permissions.request({ origins: [pattern] }).then(async (granted) => {
    if (!granted) return say($("site-result"), `Not added: the browser did not allow ${domain}.`, false);
    const { sites = [] } = await api.storage.local.get("sites");
    await api.storage.local.set({ sites: [...new Set([...sites, pattern])] });
    await api.runtime.sendMessage({ kind: "sites" });
    $("domain").value = "";
    say($("site-result"), `Added ${domain}: reload its tabs.`, true);
    await showSites();
  });
});

async function removeSite(pattern) {
  const { sites = [] } = await api.storage.local.get("sites");
  await api.storage.local.set({ sites: sites.filter((s) => s !== pattern) });
  await api.permissions.remove({ origins: [pattern] }).catch(() => false);
  await api.runtime.sendMessage({ kind: "sites" });
  await showSites();
}

refresh();
