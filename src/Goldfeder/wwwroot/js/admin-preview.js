// The editor's live preview: while the editor types, the form is posted to the preview handler (same template as the
// public page) and the result replaces the preview. Without script, saving shows the preview after the reload.
(function () {
  var form = document.querySelector("form[data-preview]");
  var target = document.getElementById("preview");
  if (!form || !target) return;
  var timer = null, running = null;
  function refresh() {
    if (running) running.abort();
    running = new AbortController();
    fetch(form.dataset.preview, {
      method: "POST", body: new FormData(form), signal: running.signal, credentials: "same-origin"
    }).then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html !== null) target.innerHTML = html; })
      .catch(function () { /* a newer keystroke aborted this one */ });
  }
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
  refresh();
})();
