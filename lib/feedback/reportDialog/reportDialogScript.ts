/** Texts of the dialog; each may be replaced through `Sentry.showReportDialog({ title, labelName, … })`. */
export const DIALOG_TEXTS = {
  title: "Something went wrong.",
  subtitle: "The team has been told about it.",
  subtitle2: "If you can, tell us what you were doing when it happened.",
  labelName: "Name",
  labelEmail: "Email",
  labelComments: "What happened?",
  labelClose: "Close",
  labelSubmit: "Send report",
  errorGeneric: "The report could not be sent. Please try again.",
  errorFormEntry: "Please tell us what happened, and check the email address.",
  successMessage: "Thank you: your report was sent.",
} as const;

export type DialogTexts = Record<keyof typeof DIALOG_TEXTS, string>;

export interface DialogConfig {
  /** Where the form is posted: this endpoint with the DSN and the event id. */
  submitUrl: string;
  texts: DialogTexts;
  /** Prefilled from the SDK's scope user (`user.name`, `user.email`). */
  name: string;
  email: string;
}

/**
 * The JavaScript `Sentry.showReportDialog()` loads from GET /api/embed/error-page/: a modal form
 * (name, email, what happened) in a shadow root, so the page's styles and ours never mix. Every
 * text is set with textContent; the configuration is embedded as JSON with `<`, U+2028 and U+2029
 * escaped, so no value can end the script or inject markup. It posts the form to `submitUrl`, and on
 * closing posts `__sentry_reportdialog_closed__` to the window, which the SDK's `onClose` listens for.
 */
export function reportDialogScript(config: DialogConfig): string {
  const json = JSON.stringify(config).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return `(function (c) {
  "use strict";
  if (typeof document === "undefined" || !document.body) return;
  var host = document.createElement("div");
  host.setAttribute("data-faultline-report-dialog", "");
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]);
    if (text) node.textContent = text;
    return node;
  }
  var style = el("style");
  style.textContent = ${JSON.stringify(DIALOG_CSS)};
  var backdrop = el("div", { "class": "backdrop" });
  var dialog = el("div", { "class": "dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": "fl-title" });
  dialog.appendChild(el("h2", { id: "fl-title" }, c.texts.title));
  dialog.appendChild(el("p", { "class": "sub" }, c.texts.subtitle + " " + c.texts.subtitle2));
  var form = el("form", { novalidate: "" });
  function field(id, label, input) {
    var wrap = el("label", { "for": id });
    wrap.appendChild(el("span", {}, label));
    wrap.appendChild(input);
    form.appendChild(wrap);
    return input;
  }
  var name = field("fl-name", c.texts.labelName, el("input", { id: "fl-name", name: "name", autocomplete: "name", maxlength: "256" }));
  var email = field("fl-email", c.texts.labelEmail, el("input", { id: "fl-email", name: "email", type: "email", autocomplete: "email", maxlength: "256" }));
  var comments = field("fl-comments", c.texts.labelComments, el("textarea", { id: "fl-comments", name: "comments", rows: "5", maxlength: "8192", required: "" }));
  name.value = c.name;
  email.value = c.email;
  var message = el("p", { "class": "message", role: "status", "aria-live": "polite" });
  form.appendChild(message);
  var actions = el("div", { "class": "actions" });
  var close = el("button", { type: "button", "class": "secondary" }, c.texts.labelClose);
  var submit = el("button", { type: "submit", "class": "primary" }, c.texts.labelSubmit);
  actions.appendChild(close);
  actions.appendChild(submit);
  form.appendChild(actions);
  dialog.appendChild(form);
  backdrop.appendChild(dialog);
  root.appendChild(style);
  root.appendChild(backdrop);
  var closed = false;
  function onKey(e) { if (e.key === "Escape") shut(); }
  function shut() {
    if (closed) return;
    closed = true;
    document.removeEventListener("keydown", onKey);
    if (host.parentNode) host.parentNode.removeChild(host);
    window.postMessage("__sentry_reportdialog_closed__", "*");
  }
  function say(text, kind) { message.textContent = text; message.className = "message " + kind; }
  form.addEventListener("input", function () { if (message.textContent) say("", ""); });
  close.addEventListener("click", shut);
  backdrop.addEventListener("click", function (e) { if (e.target === backdrop) shut(); });
  document.addEventListener("keydown", onKey);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var words = comments.value.trim();
    var address = email.value.trim();
    if (!words || (address && !/^[^\\s@]+@[^\\s@]+$/.test(address))) { say(c.texts.errorFormEntry, "error"); return; }
    submit.disabled = true;
    var body = new URLSearchParams();
    body.set("name", name.value.trim());
    body.set("email", address);
    body.set("comments", words);
    fetch(c.submitUrl, { method: "POST", body: body, mode: "cors", credentials: "omit" }).then(function (res) {
      if (!res.ok) throw new Error(String(res.status));
      form.textContent = "";
      var done = el("p", { "class": "message success", role: "status" }, c.texts.successMessage);
      var ok = el("button", { type: "button", "class": "primary" }, c.texts.labelClose);
      ok.addEventListener("click", shut);
      form.appendChild(done);
      form.appendChild(ok);
      ok.focus();
    }).catch(function () {
      submit.disabled = false;
      say(c.texts.errorGeneric, "error");
    });
  });
  document.body.appendChild(host);
  (c.name && c.email ? comments : name).focus();
})(${json});
`;
}

const DIALOG_CSS = `
:host { all: initial; }
.backdrop { position: fixed; inset: 0; z-index: 2147483647; display: flex; align-items: center; justify-content: center;
  padding: 16px; background: rgba(17, 24, 39, 0.55); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827; }
.dialog { box-sizing: border-box; width: 100%; max-width: 480px; max-height: 100%; overflow: auto; padding: 24px; border-radius: 12px;
  background: #fff; box-shadow: 0 20px 50px rgba(0, 0, 0, 0.3); }
h2 { margin: 0 0 6px; font-size: 20px; }
.sub { margin: 0 0 16px; color: #4b5563; }
label { display: block; margin-bottom: 12px; }
label span { display: block; margin-bottom: 4px; font-size: 13px; font-weight: 600; }
input, textarea { box-sizing: border-box; width: 100%; padding: 8px 10px; border: 1px solid #d1d5db; border-radius: 6px; font: inherit; color: inherit; background: #fff; }
input:focus, textarea:focus { outline: 2px solid #2563eb; outline-offset: 0; border-color: #2563eb; }
.actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 8px; }
button { padding: 8px 14px; border-radius: 6px; font: inherit; font-weight: 600; cursor: pointer; }
button:disabled { opacity: 0.6; cursor: progress; }
.primary { border: 1px solid #1d4ed8; background: #2563eb; color: #fff; }
.secondary { border: 1px solid #d1d5db; background: #fff; color: #111827; }
.message { margin: 0 0 8px; min-height: 1em; font-size: 14px; }
.message.error { color: #b91c1c; }
.message.success { color: #047857; font-size: 16px; margin: 8px 0 16px; }
@media (prefers-color-scheme: dark) {
  .dialog { background: #111827; color: #f3f4f6; }
  .sub { color: #9ca3af; }
  input, textarea, .secondary { background: #1f2937; border-color: #374151; color: #f3f4f6; }
  .message.error { color: #fca5a5; }
  .message.success { color: #6ee7b7; }
}
`;
