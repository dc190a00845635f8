// Drag-and-drop over the ordinary upload form. Without this script the form works as it is:
// choose a file, press Analyse. With it, a file dropped on the box is put into the file field,
// and the button says what is happening while the server reads the contract.
(function () {
  var form = document.querySelector("form[data-upload]");
  if (!form) return;
  var drop = form.querySelector("[data-drop]");
  var input = form.querySelector("input[type=file]");
  var chosen = form.querySelector("[data-chosen]");
  var status = form.querySelector("[data-status]");
  function show() {
    chosen.textContent = input.files && input.files.length
      ? "Chosen: " + Array.prototype.map.call(input.files, function (file) { return file.name; }).join(", ")
      : "";
  }
  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach(function (type) {
    drop.addEventListener(type, function (event) { event.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    drop.addEventListener(type, function () { drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      show();
    }
  });
  form.addEventListener("submit", function () {
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    status.textContent = "Reading and analysing the contract…";
  });
})();
// Coming back to the page (browser Back) must not leave the button disabled.
window.addEventListener("pageshow", function () {
  var button = document.querySelector("form[data-upload] button[type=submit]");
  if (button) button.disabled = false;
});
