// Recomputes the business plan as she types; mirrors project_bank/plan.py (the server is the
// reference: saving recomputes there, and the page works without this script).
(function () {
  "use strict";
  var form = document.querySelector("[data-plan-form]");
  if (!form) return;
  var MAX_MONTHS = 120;
  function amount(input) {
    var text = (input && input.value || "").replace(/[\s\u00a0]/g, "").replace(",", ".");
    var number = parseFloat(text);
    return isFinite(number) && number > 0 ? number : 0;
  }
  function total(kind) {
    var sum = 0;
    form.querySelectorAll('[data-amount="' + kind + '"]').forEach(function (input) { sum += amount(input); });
    return sum;
  }
  function breakEven(startup, margin) {
    if (startup <= 0) return margin >= 0 ? 1 : null;
    if (margin <= 0) return null;
    var months = Math.max(1, Math.ceil(startup / margin - 1e-9));
    return months <= MAX_MONTHS ? months : null;
  }
  function money(value) {
    // As the server's "money" filter: thousands apart by a narrow no-break space.
    var text = Math.abs(value % 1) > 1e-9 ? value.toFixed(2) : value.toFixed(0);
    return text.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  }
  function show(name, value) {
    var node = form.querySelector('[data-result="' + name + '"]');
    if (node) node.textContent = money(value);
  }
  function recompute() {
    var startup = total("startup"), monthly = total("monthly"), revenue = 0;
    form.querySelectorAll("[data-product]").forEach(function (row) {
      revenue += amount(row.querySelector("[data-price]")) * amount(row.querySelector("[data-volume]"));
    });
    var margin = revenue - monthly;
    show("startup", startup); show("monthly", monthly); show("revenue", revenue); show("margin", margin);
    var month = breakEven(startup, margin);
    var holder = form.querySelector("[data-break-even]");
    holder.setAttribute("data-break-even", month === null ? "" : String(month));
    holder.querySelector('[data-result="break-even"]').textContent = month === null
      ? holder.getAttribute("data-label-never")
      : holder.getAttribute("data-label-month").replace("__N__", String(month));
  }
  form.addEventListener("input", recompute);
})();
