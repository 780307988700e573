// postguard's background (a service worker on Chromium, an event page on Firefox).
// It is the only part of the extension that touches the network, and it only ever talks to
// postguard on this computer (http://127.0.0.1): a content script's own request would carry the
// site's origin and be refused by the browser's Local Network Access rules and by postguard.
"use strict";

const api = globalThis.browser ?? globalThis.chrome;

const DEFAULT_BASE = "http://127.0.0.1:8517";
// The one host this extension may call; the options page refuses any other address.
const BASE_PATTERN = /^http:\/\/127\.0\.0\.1:(\d{1,5})$/;
const TIMEOUT_MS = 10000;
const OFF_TITLE = "postguard is not running: start it with `postguard web`";
const UNPAIRED_TITLE = "postguard: not paired yet. Open the extension's options and type the code `postguard web` shows";
const SITE_SCRIPT = "postguard-sites";
const GREY = "#6b7280";
const COLOURS = { block: "#b91c1c", review: "#b45309", pass: "#15803d" };

async function settings() {
  const stored = await api.storage.local.get(["apiBase", "token"]);
  const base = BASE_PATTERN.test(stored.apiBase ?? "") ? stored.apiBase : DEFAULT_BASE;
  return { base, token: typeof stored.token === "string" ? stored.token : "" };
}

// The toolbar badge: grey "off" when postguard is not running, "pair" before pairing, else the
// number of findings in that tab. Badge calls never throw: a closed tab must not break a check.
const NEUTRAL = { text: "", colour: GREY, title: "postguard" };

function looks(state, count, verdict) {
  if (state === "offline") return { text: "off", colour: GREY, title: OFF_TITLE };
  if (state === "unpaired") return { text: "pair", colour: GREY, title: UNPAIRED_TITLE };
  const plural = count === 1 ? "" : "s";
  return count
    ? { text: String(count), colour: COLOURS[verdict] ?? GREY, title: `postguard: ${count} finding${plural} (${verdict})` }
    : { text: "", colour: GREY, title: "postguard: nothing found" };
}

async function paintBadge(target, look) {
  await Promise.allSettled([
    api.action.setBadgeText({ ...target, text: look.text }),
    api.action.setBadgeBackgroundColor({ ...target, color: look.colour }),
    api.action.setTitle({ ...target, title: look.title }),
  ]);
}

async function badge(state, tabId, count = 0, verdict = "pass") {
  const look = looks(state, count, verdict);
  if (tabId !== undefined) await paintBadge({ tabId }, look);
  // "Not running" and "pair" are true of every tab; once postguard answers, the global badge clears.
  await paintBadge({}, state === "ok" ? NEUTRAL : look);
}

async function call(base, path, token, body) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers["X-Postguard-Token"] = token;
  return fetch(base + path, {
    method: body === undefined ? "GET" : "POST",
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "omit",
    cache: "no-store",
    redirect: "error",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

async function errorOf(response) {
  try {
    return (await response.json()).error ?? `postguard answered ${response.status}`;
  } catch {
    return `postguard answered ${response.status}`;
  }
}

async function check(text, tabId) {
  const { base, token } = await settings();
  if (!token) {
    await badge("unpaired", tabId);
    return { status: "unpaired" };
  }
  let response;
  try {
    response = await call(base, "/v1/check", token, { text, offsetUnits: "utf16" });
  } catch {
    await badge("offline", tabId);
    return { status: "offline" };
  }
  if (response.status === 401 || response.status === 403) {
    await badge("unpaired", tabId); // the pairing was revoked, or postguard's home changed
    return { status: "unpaired" };
  }
  if (!response.ok) return { status: "error", message: await errorOf(response) };
  const body = await response.json();
  const matches = Array.isArray(body.matches) ? body.matches : [];
  await badge("ok", tabId, matches.length, body.verdict);
  return { status: "ok", matches, verdict: body.verdict, notices: body.notices ?? [] };
}

async function pair(address, code) {
  const base = String(address ?? "").trim().replace(/\/+$/, "") || DEFAULT_BASE;
  if (!BASE_PATTERN.test(base)) {
    return { status: "error", message: "The address must look like http://127.0.0.1:8517 (postguard on this computer)." };
  }
  let response;
  try {
    response = await call(base, "/v1/pair", "", { code: String(code ?? "").trim() });
  } catch {
    return { status: "offline", message: `postguard is not running at ${base}: start it with \`postguard web\`.` };
  }
  if (!response.ok) return { status: "error", message: await errorOf(response) };
  const { token } = await response.json();
  await api.storage.local.set({ apiBase: base, token });
  await badge("ok");
  return { status: "ok", base };
}

async function status() {
  const { base, token } = await settings();
  try {
    const response = await call(base, "/v1/health", "");
    const running = response.ok;
    if (!running) await badge("offline");
    return { status: "ok", base, paired: Boolean(token), running };
  } catch {
    await badge("offline");
    return { status: "ok", base, paired: Boolean(token), running: false };
  }
}

// Mastodon instances the user added on the options page (each granted through
// permissions.request there) get the content script registered here, on every start. One sync
// at a time, each reading the list afresh: two interleaved ones could unregister what the other
// just registered.
let syncing = Promise.resolve([]);

function syncSites() {
  syncing = syncing.catch(() => []).then(registerSites);
  return syncing;
}

async function registerSites() {
  const { sites = [] } = await api.storage.local.get("sites");
  const granted = [];
  for (const pattern of sites) {
    if (await api.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [SITE_SCRIPT] });
  if (existing.length) await api.scripting.unregisterContentScripts({ ids: [SITE_SCRIPT] });
  if (granted.length) {
    await api.scripting.registerContentScripts([
      { id: SITE_SCRIPT, matches: granted, js: ["content.js"], runAt: "document_idle", allFrames: false },
    ]);
  }
  return granted;
}

// The options page (even when open in a tab) has this extension's URL; a content script has the site's.
function fromOwnPage(sender) {
  return typeof sender.url === "string" && sender.url.startsWith(api.runtime.getURL(""));
}

async function handle(message, sender) {
  // Only this extension's own content scripts and pages reach here: there is no
  // externally_connectable, and anything else is ignored.
  if (sender.id !== api.runtime.id || typeof message !== "object" || message === null) return undefined;
  if (message.kind === "check" && sender.tab && !fromOwnPage(sender) && typeof message.text === "string") {
    return check(message.text, sender.tab.id);
  }
  if (message.kind === "pair" && fromOwnPage(sender)) return pair(message.address, message.code);
  if (message.kind === "status" && fromOwnPage(sender)) return status();
  if (message.kind === "sites" && fromOwnPage(sender)) return { status: "ok", sites: await syncSites() };
  return undefined;
}

api.runtime.onMessage.addListener((message, sender, reply) => {
  handle(message, sender).then(
    (answer) => reply(answer ?? { status: "ignored" }),
    (error) => reply({ status: "error", message: String(error?.message ?? error) }),
  );
  return true; // the answer comes asynchronously
});

api.runtime.onInstalled.addListener((details) => {
  syncSites().catch(() => {});
  // First install: the options page is where pairing (and, on Firefox, the permission to reach
  // 127.0.0.1) happens.
  if (details.reason === "install") api.runtime.openOptionsPage().catch(() => {});
});
api.runtime.onStartup.addListener(() => syncSites().catch(() => {}));
api.permissions.onRemoved.addListener(() => syncSites().catch(() => {}));
