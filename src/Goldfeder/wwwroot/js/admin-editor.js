// The article editor's helpers, all optional (without script the form works as it is):
// a toolbar that writes Markdown around the selection, and a warning before leaving with unsaved changes.
(function () {
  var form = document.getElementById("editor");
  var body = document.getElementById("Body");
  if (!form || !body) return;

  function wrap(before, after, placeholder) {
    var start = body.selectionStart, end = body.selectionEnd;
    var selected = body.value.slice(start, end) || placeholder;
    body.setRangeText(before + selected + after, start, end, "end");
    body.setSelectionRange(start + before.length, start + before.length + selected.length);
    done();
  }

  // Puts a prefix at the start of every selected line (headings, lists).
  function lines(prefix) {
    // Whole lines: from the start of the first selected line to the end of the last.
    var start = body.value.lastIndexOf("\n", body.selectionStart - 1) + 1;
    var end = body.value.indexOf("\n", Math.max(body.selectionEnd, body.selectionStart));
    if (end < 0) end = body.value.length;
    var text = body.value.slice(start, end) || "Text";
    var n = 0;
    var changed = text.split("\n").map(function (line) {
      n++;
      return (typeof prefix === "function" ? prefix(n) : prefix) + line;
    }).join("\n");
    body.setRangeText(changed, start, end, "end");
    done();
  }

  function done() {
    body.focus();
    body.dispatchEvent(new Event("input", { bubbles: true }));
  }

  var tools = [
    ["Zwischenüberschrift", function () { lines("## "); }],
    ["Fett", function () { wrap("**", "**", "fetter Text"); }],
    ["Link", function () {
      var url = window.prompt("Adresse des Links (https://…):", "https://");
      if (url) wrap("[", "](" + url.trim().replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/\s/g, "%20") + ")", "Linktext");
    }],
    ["Liste", function () { lines("- "); }],
    ["Nummerierte Liste", function () { lines(function (n) { return n + ". "; }); }],
    ["Bild einfügen", function () {
      var upload = document.getElementById("bild-datei");
      if (upload) { upload.scrollIntoView({ block: "center" }); upload.focus(); }
    }]
  ];
  var bar = document.createElement("div");
  bar.className = "editor-toolbar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Textformat");
  bar.setAttribute("aria-controls", "Body");
  tools.forEach(function (tool) {
    var button = document.createElement("button");
    button.type = "button";
    // The visible text is the name: axe (WCAG 2.5.3) wants what sighted users see in what screen readers announce.
    button.textContent = tool[0];
    button.addEventListener("click", tool[1]);
    bar.appendChild(button);
  });
  body.parentNode.insertBefore(bar, body);

  var dirty = false;
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (e) {
    if (!dirty) return;
    e.preventDefault();
    e.returnValue = "";
  });
})();
