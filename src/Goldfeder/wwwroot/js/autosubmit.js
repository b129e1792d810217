// Confirmation and withdrawal links take one click: the page sends its form by itself. A mail scanner that only
// fetches the link changes nothing, and a browser without script shows the button.
document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
  var status = form.querySelector("[data-autosubmit-status]");
  if (status) status.hidden = false;
  form.submit();
});
