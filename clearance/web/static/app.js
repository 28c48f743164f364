// Every htmx request carries this session's CSRF token (the server refuses POSTs without it).
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta && meta.content) { event.detail.headers["X-CSRF-Token"] = meta.content; }
});
// "Select all" for bulk actions on the queue.
document.addEventListener("change", function (event) {
  var box = event.target;
  if (box && box.id === "select-all") {
    document.querySelectorAll('input[name="ids"]').forEach(function (b) { b.checked = box.checked; });
  }
});
