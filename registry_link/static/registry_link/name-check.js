// The name check as she types: ask the JSON API (the same rules as the page, on the server)
// and show its verdict and reasons in place. Without this script the form works as a plain form.
(function () {
  "use strict";
  var form = document.querySelector("form[data-name-check]");
  var result = document.querySelector("[data-name-check-result]");
  if (!form || !result || !window.fetch) return;
  var input = form.querySelector("input[name=name]");
  var text = form.dataset;
  var icons = { available: "✅", similar: "⚠️", taken: "⛔", refused: "⛔" };
  var timer = null;
  var asked = input.value.trim();
  var pending = null;

  function node(tag, className, content) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (content) element.textContent = content;
    return element;
  }

  function icon(symbol) {
    var span = node("span", "", symbol);
    span.setAttribute("aria-hidden", "true");
    return span;
  }

  function showError(message, code) {
    var paragraph = node("p", "error");
    paragraph.setAttribute("role", "alert");
    paragraph.dataset.code = code;
    paragraph.append(icon("⚠"), " " + message);
    result.replaceChildren(paragraph);
  }

  function matchItem(match) {
    var item = node("li");
    item.dataset.reason = match.reason;
    var name = node("bdi", "match-name");
    name.setAttribute("dir", "auto");
    var url = match.cooperative && match.cooperative.url;
    if (url) {
      var link = node("a", "", match.name);
      link.href = url;
      name.append(link);
    } else {
      name.textContent = match.name;
    }
    item.append(name, node("br"), node("span", "meta", match.explanation));
    return item;
  }

  function show(data) {
    var box = node("div", "callout verdict verdict-" + data.verdict);
    box.dataset.verdict = data.verdict;
    var label = node("p", "callout-label");
    var name = node("bdi", "", data.name);
    name.setAttribute("dir", "auto");
    label.append(icon(icons[data.verdict] || ""), " ", name, " — " + data.verdict_label);
    box.append(label, node("p", "", data.summary));
    var parts = [box];
    if (data.refusals.length) {
      var refusals = node("ul", "plain-list name-matches");
      data.refusals.forEach(function (refusal) {
        var item = node("li");
        item.dataset.reason = refusal.reason;
        item.append(icon("⛔"), " " + refusal.explanation);
        refusals.append(item);
      });
      parts.push(refusals);
    }
    if (data.matches.length) {
      parts.push(node("h2", "", text.msgMatches));
      var list = node("ul", "plain-list name-matches");
      data.matches.forEach(function (match) { list.append(matchItem(match)); });
      parts.push(list);
    }
    result.replaceChildren.apply(result, parts);
  }

  function check(name) {
    if (pending) pending.abort();
    pending = new AbortController();
    result.setAttribute("aria-busy", "true");
    var url = text.endpoint + "?name=" + encodeURIComponent(name) + "&lang=" + encodeURIComponent(text.lang);
    fetch(url, { signal: pending.signal, headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.error) showError(data.error.message, data.error.code);
        else show(data);
        history.replaceState(null, "", "?name=" + encodeURIComponent(name));
      })
      .catch(function (error) {
        if (error.name !== "AbortError") showError(text.msgOffline, "offline");
      })
      .finally(function () { result.removeAttribute("aria-busy"); });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var name = input.value.trim();
    if (name === asked || name.length < 2) return;
    timer = window.setTimeout(function () {
      asked = name;
      check(name);
    }, 400);
  });
})();
