/* coursepack runtime: questions in the page. Reads and writes the learner's answer for every
   question type, orders options, moves sequencing items by keyboard or pointer, and shows
   feedback in each question's live region. */
(function (CP) {
  "use strict";

  function inputs(fs) { return Array.prototype.slice.call(fs.querySelectorAll(".cp-options input")); }
  function items(fs) { return Array.prototype.slice.call(fs.querySelectorAll(".cp-item")); }

  /** The response shown in `fs` (neutral form, see quiz.js), or undefined. */
  function read(fs, q) {
    switch (q.type) {
      case "single": var on = inputs(fs).filter(function (i) { return i.checked; })[0]; return on ? on.value : undefined;
      case "multiple": return inputs(fs).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      case "true-false": var tf = inputs(fs).filter(function (i) { return i.checked; })[0]; return tf ? tf.value === "true" : undefined;
      case "fill-in": case "numeric": return fs.querySelector(".cp-input").value;
      case "matching":
        var r = {};
        Array.prototype.forEach.call(fs.querySelectorAll(".cp-pair"), function (p) {
          var v = p.querySelector("select").value;
          if (v) r[p.getAttribute("data-pair")] = v;
        });
        return r;
      case "sequencing": return items(fs).map(function (li) { return li.getAttribute("data-item"); });
    }
    return undefined;
  }

  /** Shows `r` in `fs`. */
  function write(fs, q, r) {
    if (r === undefined || r === null) return;
    switch (q.type) {
      case "single": case "multiple": case "true-false":
        inputs(fs).forEach(function (i) {
          i.checked = q.type === "multiple" ? r.indexOf(i.value) >= 0 : String(r) === i.value;
        });
        break;
      case "fill-in": case "numeric": fs.querySelector(".cp-input").value = r; break;
      case "matching":
        Array.prototype.forEach.call(fs.querySelectorAll(".cp-pair"), function (p) {
          p.querySelector("select").value = r[p.getAttribute("data-pair")] || "";
        });
        break;
      case "sequencing": order(fs.querySelector(".cp-sequence"), ".cp-item", "data-item", r); break;
    }
  }

  /** Puts the children of `parent` matching `selector` in the order of `ids`. */
  function order(parent, selector, attr, ids) {
    if (!parent) return;
    var byId = {};
    Array.prototype.forEach.call(parent.querySelectorAll(selector), function (el) { byId[el.getAttribute(attr)] = el; });
    ids.forEach(function (id) { if (byId[id]) parent.appendChild(byId[id]); });
  }

  function setEnabled(fs, enabled) {
    Array.prototype.forEach.call(fs.querySelectorAll("input, select, .cp-move"), function (el) { el.disabled = !enabled; });
  }

  function clearFeedback(fs) {
    var box = fs.querySelector(".cp-feedback");
    box.textContent = "";
    box.className = "cp-feedback";
    Array.prototype.forEach.call(fs.querySelectorAll(".cp-option"), function (o) { o.classList.remove("cp-chosen-good", "cp-chosen-bad"); });
    Array.prototype.forEach.call(fs.querySelectorAll(".cp-option-feedback"), function (p) { p.hidden = true; p.textContent = ""; });
  }

  function para(box, text) { var p = document.createElement("p"); p.textContent = text; box.appendChild(p); }

  /** Shows whether `r` is right, the question's feedback and that of each chosen option. */
  function feedback(fs, q, r, ui) {
    clearFeedback(fs);
    var box = fs.querySelector(".cp-feedback");
    var answered = CP.quiz.isAnswered(q, r);
    var right = CP.quiz.isCorrect(q, r);
    box.classList.add(right ? "cp-good" : "cp-bad");
    para(box, answered ? ui[right ? "question.correct" : "question.incorrect"] : ui["question.unanswered"]);
    var fb = q.feedback || {};
    var general = right ? fb.correct : fb.incorrect;
    if (general) para(box, general);
    if (q.type === "single" || q.type === "multiple") {
      var chosen = q.type === "single" ? (r ? [r] : []) : r || [];
      chosen.forEach(function (id) {
        var opt = fs.querySelector('.cp-option[data-option="' + id + '"]');
        if (!opt) return;
        opt.classList.add(q.correct.indexOf(id) >= 0 ? "cp-chosen-good" : "cp-chosen-bad");
        var text = fb.options && fb.options[id];
        var p = opt.querySelector(".cp-option-feedback");
        if (text && p) { p.textContent = text; p.hidden = false; }
        if (text) para(box, text);
      });
    }
    return right;
  }

  /** Wires change events and sequencing moves; `onChange(response)` after each change. */
  function bind(fs, q, ui, onChange) {
    var input = fs.querySelector(".cp-input");
    if (input && q.maxLength) input.maxLength = q.maxLength;
    fs.addEventListener("change", function () { onChange(read(fs, q)); });
    fs.addEventListener("input", function (e) { if (e.target.classList.contains("cp-input")) onChange(read(fs, q)); });
    fs.addEventListener("click", function (e) {
      var btn = e.target.closest ? e.target.closest(".cp-move") : null;
      if (!btn || btn.disabled) return;
      var li = btn.closest(".cp-item");
      var list = li.parentNode;
      var step = parseInt(btn.getAttribute("data-move"), 10);
      var sibling = step < 0 ? li.previousElementSibling : li.nextElementSibling;
      if (!sibling) return;
      list.insertBefore(li, step < 0 ? sibling : sibling.nextElementSibling);
      btn.focus();
      var position = items(fs).indexOf(li) + 1;
      CP.announce(CP.format(ui["question.moved"], { item: li.querySelector(".cp-item-text").textContent, n: position }));
      onChange(read(fs, q));
    });
  }

  CP.quizUi = { read: read, write: write, order: order, feedback: feedback, clearFeedback: clearFeedback, bind: bind, setEnabled: setEnabled };
})(window.Coursepack = window.Coursepack || {});
