// Image upload beside the article editor: posts the file and its alt text, then inserts the returned Markdown at the
// cursor of the article text (which refreshes the preview). Without script the form goes to /admin/bilder instead.
(function () {
  var form = document.querySelector("form[data-image-upload]");
  var body = document.getElementById("Body");
  if (!form || !body) return;
  var error = form.querySelector("[data-image-error]");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    error.hidden = true;
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin", headers: { "Accept": "application/json" }
    }).then(function (r) { return r.json(); })
      .then(function (result) {
        if (result.error) { error.textContent = result.error; error.hidden = false; return; }
        var at = body.selectionStart || body.value.length;
        var before = body.value.slice(0, at), after = body.value.slice(at);
        var line = (before && !before.endsWith("\n\n") ? (before.endsWith("\n") ? "\n" : "\n\n") : "") + result.markdown + "\n\n";
        body.value = before + line + after;
        body.dispatchEvent(new Event("input", { bubbles: true }));
        form.reset();
      })
      .catch(function () { error.textContent = "Das Hochladen ist fehlgeschlagen. Bitte versuchen Sie es noch einmal."; error.hidden = false; });
  });
})();
