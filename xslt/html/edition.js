// teiedition: keeps the reader's choice of reading (normalised or diplomatic) across the
// pages of the edition. The switch works without this script (CSS shows the checked
// reading); the script only remembers the choice.
(function () {
  "use strict";
  var KEY = "teiedition-reading";
  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function store(value) {
    try { window.localStorage.setItem(KEY, value); } catch (e) { /* storage off: no memory */ }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var radios = document.querySelectorAll('input[name="reading"]');
    var value = stored();
    radios.forEach(function (radio) {
      if (value && radio.value === value) { radio.checked = true; }
      radio.addEventListener("change", function () { if (radio.checked) { store(radio.value); } });
    });
  });
})();
