// Progressive enhancement of the report's review forms (they work without it, with offsets typed in):
// text selected in the document fills a finding's "add a quote" offsets, counted in Unicode scalars
// from the start of the document text, as the server counts them.
(function () {
  "use strict";
  var doc = document.getElementById("document-text");
  if (!doc) return;
  var status = document.querySelector(".selection-offsets");
  var current = null;

  function scalars(text) { return Array.from(text).length; }

  function offsetOf(node, offset) {
    var range = document.createRange();
    range.setStart(doc, 0);
    range.setEnd(node, offset);
    return scalars(range.toString());
  }

  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!doc.contains(range.startContainer) || !doc.contains(range.endContainer)) return;
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    if (end <= start) return;
    current = { start: start, end: end };
    if (status) {
      status.hidden = false;
      status.textContent = "Selected: characters " + start + "–" + end +
        ". Open a finding's review form and choose “Use the selected text”.";
    }
  });

  document.querySelectorAll(".use-selection").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      if (!current) { button.textContent = "Select text in the document first"; return; }
      var fields = button.closest("fieldset");
      fields.querySelector(".quote-start").value = current.start;
      fields.querySelector(".quote-end").value = current.end;
    });
  });
})();
