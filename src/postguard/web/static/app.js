// Shared by every page: calls to postguard's own /v1 API with the page session's CSRF header.
"use strict";

const postguard = {
  csrf() {
    return document.querySelector('meta[name="postguard-csrf"]').content;
  },

  /** fetch() on the local API; resolves to the parsed JSON, or throws an Error with the server's message. */
  async api(method, path, body, contentType) {
    const headers = { "X-Postguard-CSRF": postguard.csrf() };
    let payload;
    if (body instanceof Blob || body instanceof ArrayBuffer) {
      headers["Content-Type"] = contentType || "application/octet-stream";
      payload = body;
    } else if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const response = await fetch(path, { method, headers, body: payload, credentials: "same-origin" });
    if (response.status === 204) return null;
    const type = response.headers.get("content-type") || "";
    const data = type.includes("json") ? await response.json() : await response.blob();
    if (!response.ok) throw new Error((data && data.error) || (data && data.detail && JSON.stringify(data.detail)) || response.statusText);
    return data;
  },

  /** An element with text (never HTML) and optional attributes and children. */
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  },

  /** Put text on the clipboard and say so in a live region. */
  async copy(text, status) {
    try {
      await navigator.clipboard.writeText(text);
      if (status) status.textContent = "Copied.";
    } catch (err) {
      if (status) status.textContent = "Could not copy: select the text and copy it yourself.";
    }
  },
};
window.postguard = postguard;
