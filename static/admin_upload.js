// The upload preview: choose all or none of the drafts that can be saved.
document.addEventListener("DOMContentLoaded", function () {
  function setAll(value) {
    document.querySelectorAll("input.draft__include:not([disabled])").forEach(function (box) { box.checked = value; });
  }
  var all = document.querySelector("[data-check-all]");
  var none = document.querySelector("[data-check-none]");
  if (all) all.addEventListener("click", function () { setAll(true); });
  if (none) none.addEventListener("click", function () { setAll(false); });
});
