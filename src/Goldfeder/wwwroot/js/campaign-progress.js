// Live progress of a campaign send: asks for the numbers every two seconds and fills them in. Reloads once the
// status changes, so the buttons match it. Without script the page shows the numbers as they were when loaded.
(function () {
  var section = document.querySelector("[data-progress]");
  if (!section) return;
  var bar = document.getElementById("bar");
  var mailServer = section.querySelector("[data-mail-server]");
  // The status the page was rendered with: a send that ends before the first answer still reloads the page.
  var status = section.dataset.status || null;
  function tick() {
    fetch(section.dataset.progress, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) return;
        if (status !== null && p.status !== status) { location.reload(); return; }
        status = p.status;
        section.querySelectorAll("[data-field]").forEach(function (el) {
          var v = p[el.dataset.field];
          if (v !== undefined) el.textContent = v === null ? "–" : v;
        });
        if (mailServer) { mailServer.textContent = p.mailServer || ""; mailServer.hidden = !p.mailServer; }
        bar.max = Math.max(1, p.recipients);
        bar.value = p.recipients - p.remaining;
        if (p.status === "Sending" || p.status === "Scheduled") setTimeout(tick, 2000);
      })
      .catch(function () { setTimeout(tick, 5000); });
  }
  tick();
})();
