// The newsletter editor's live preview: while staff type, the draft is posted into the preview frame (rendered as
// the mail, nothing saved). Without script the frame shows the saved state.
(function () {
  var source = document.querySelector(".editor-form");
  var target = document.getElementById("mail-preview-form");
  if (!source || !target) return;
  var timer = null;
  function field(name) { return source.querySelector("[name='" + name + "']"); }
  function refresh() {
    target.elements.subject.value = field("Input.Subject").value;
    target.elements.preheader.value = field("Input.Preheader").value;
    target.elements.body.value = field("Input.BodyMarkdown").value;
    target.elements.digest.value = field("Input.IncludeDigest").checked ? "true" : "false";
    target.submit();
  }
  source.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 500);
  });
})();
