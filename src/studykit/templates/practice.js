/* studykit practice: one question at a time, feedback after each answer, progress in localStorage.
   Every piece of bank text reaches the page as a text node (textContent), never as markup. */
(function () {
  "use strict";

  var app = document.getElementById("app");
  var screen = document.getElementById("screen");
  var STORE = app.getAttribute("data-store");
  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  // -- the item data: base64 of UTF-8 JSON, XOR'd with the page's key (hidden, not secured) --
  function bytes(b64) {
    var s = atob(b64), a = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
    return a;
  }
  function utf8(a) {
    if (typeof TextDecoder !== "undefined") return new TextDecoder("utf-8").decode(a);
    var s = "";
    for (var i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);
    return decodeURIComponent(escape(s));
  }
  function decode(keyB64, dataB64) {
    var key = bytes(keyB64), data = bytes(dataB64);
    for (var i = 0; i < data.length; i++) data[i] ^= key[i % key.length];
    return JSON.parse(utf8(data));
  }
  var ITEMS = decode(app.getAttribute("data-key"), app.getAttribute("data-items"));
  app.removeAttribute("data-items");

  // -- fill_blank answers, compared as studykit grade does (studykit.grade.normalize.blank_form) --
  var INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]/g;
  var QUOTES = /["'\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f\ufe41\ufe42\ufe43\ufe44`]/g;
  var TRAILING = /[\s.\u3002,\u3001;:!?\uff01\uff1f\u2026~]+$/;
  var BRACKETS = { "(": ")", "[": "]", "{": "}", "\u3010": "\u3011", "\u3014": "\u3015", "\u3016": "\u3017", "<": ">", "\u300a": "\u300b" };
  function blankForm(text) {
    var t = String(text);
    if (t.normalize) t = t.normalize("NFKC");
    t = t.replace(INVISIBLE, "").replace(/\s+/g, "").replace(QUOTES, "").replace(TRAILING, "");
    while (t.length >= 2 && BRACKETS[t.charAt(0)] === t.charAt(t.length - 1) &&
           t.slice(1, -1).indexOf(t.charAt(t.length - 1)) < 0) {
      t = t.slice(1, -1).replace(TRAILING, "");
    }
    return t.toLowerCase();
  }
  window.studykitBlankForm = blankForm;

  // -- progress, kept in localStorage so that closing WeChat loses nothing --
  var memory = null;
  function save() {
    try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { memory = state; }
  }
  function load() {
    var s = memory;
    try { var raw = localStorage.getItem(STORE); if (raw) s = JSON.parse(raw); } catch (e) { s = memory; }
    if (!s || s.v !== 1 || !Array.isArray(s.queue) || typeof s.pos !== "number") return null;
    for (var i = 0; i < s.queue.length; i++) if (!ITEMS[s.queue[i]]) return null;
    return s;
  }
  function fresh(queue, round) {
    return { v: 1, round: round, queue: queue, pos: 0, order: null, results: {} };
  }
  function all() { var q = []; for (var i = 0; i < ITEMS.length; i++) q.push(i); return q; }
  var state = load() || fresh(all(), 1);

  // -- small DOM helpers: text only --
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function button(cls, text, onclick) {
    var b = el("button", cls, text);
    b.type = "button";
    b.addEventListener("click", onclick);
    return b;
  }
  function pieces(parent, list) {
    for (var i = 0; i < list.length; i++) {
      parent.appendChild(list[i][1] ? el("mark", null, list[i][0]) : document.createTextNode(list[i][0]));
    }
    return parent;
  }
  // A stem with its blanks drawn; each blank is set in one unbroken span with the punctuation
  // touching it, so no 。 or ” starts a line after a blank and no “ ends one before it
  // (studykit.render._common.glued_segments does the same on the printed paper).
  var OPENING = /[\u201c\u2018\uff08\u300a\u3008\u300c\u300e\u3010\u3014\u3016(\[{]+$/;
  var CLOSING = /^[\u3002\uff0c\u3001\uff1b\uff1a\uff1f\uff01\u201d\u2019\uff09\u300b\u3009\u300d\u300f\u3011\u3015\u3017\u2026\u00b7.,;:?!)\]}%]+/;
  function stemLine(item) {
    var stem = el("p", "stem"), n = item.stem.length, mids = [], leads = [], trails = [], m, s;
    for (s = 0; s < n; s++) {
      var text = item.stem[s];
      trails.push(s && (m = CLOSING.exec(text)) ? m[0] : "");
      text = text.slice(trails[s].length);
      leads.push(s < n - 1 && (m = OPENING.exec(text)) ? m[0] : "");
      mids.push(text.slice(0, text.length - leads[s].length));
    }
    for (s = 0; s < n; s++) {
      if (s) {
        var glue = el("span", "glue");
        if (leads[s - 1]) glue.appendChild(document.createTextNode(leads[s - 1]));
        glue.appendChild(el("span", "blank", "\u3000"));
        if (trails[s]) glue.appendChild(document.createTextNode(trails[s]));
        stem.appendChild(glue);
      }
      if (mids[s]) stem.appendChild(document.createTextNode(mids[s]));
    }
    return stem;
  }
  function shuffled(n, fixed) {
    var order = [];
    for (var i = 0; i < n; i++) order.push(i);
    for (var j = n - fixed - 1; j > 0; j--) {
      var k = Math.floor(Math.random() * (j + 1)), t = order[j];
      order[j] = order[k];
      order[k] = t;
    }
    return order;
  }

  function answerText(item, order) {
    if (item.type === "true_false") return item.answer ? item.options[0] : item.options[1];
    if (item.type === "fill_blank") {
      return item.answer[0] + (item.answer.length > 1 ? "（也可答：" + item.answer.slice(1).join("；") + "）" : "");
    }
    return chosenText(item, order, item.answer);
  }
  function chosenText(item, order, chosen) {
    var shown = [];
    for (var p = 0; p < order.length; p++) {
      if (chosen.indexOf(order[p]) >= 0) shown.push(LETTERS.charAt(p) + ". " + item.options[order[p]]);
    }
    return shown.join("；");
  }
  function givenText(item, order, given) {
    if (item.type === "true_false") return given ? item.options[0] : item.options[1];
    if (item.type === "fill_blank") return given;
    return chosenText(item, order, given);
  }
  function isRight(item, given) {
    if (item.type === "true_false") return given === item.answer;
    if (item.type === "fill_blank") return item.forms.indexOf(blankForm(given)) >= 0;
    if (given.length !== item.answer.length) return false;
    for (var i = 0; i < given.length; i++) if (item.answer.indexOf(given[i]) < 0) return false;
    return true;
  }

  function setProgress(done) {
    var n = state.queue.length;
    var label = state.round > 1 ? "第" + state.round + "轮 · 错题重练 · " : "";
    document.getElementById("progress").textContent =
      done ? label + "已完成 " + n + " 题" : label + "第 " + (state.pos + 1) + " / " + n + " 题";
    document.getElementById("bar").style.width = Math.round(100 * (done ? n : state.pos) / n) + "%";
  }

  // -- one question --
  function showQuestion() {
    var index = state.queue[state.pos], item = ITEMS[index];
    if (item.options && item.type !== "true_false" && !state.order) {
      state.order = shuffled(item.options.length, item.fixed || 0);
      save();
    }
    var order = state.order || [];
    var result = state.results[index];
    setProgress(false);
    screen.textContent = "";
    var card = el("section", "card");
    card.setAttribute("data-item", String(index));
    card.appendChild(el("span", "type", item.title));
    card.appendChild(stemLine(item));
    var picked = [], buttons = [], input = null, submit = null;

    function finish(given) {
      state.results[index] = { ok: isRight(item, given), given: given };
      save();
      showQuestion();
      var fb = screen.querySelector(".feedback");
      if (fb && fb.scrollIntoView) fb.scrollIntoView({ block: "nearest" });
    }

    if (item.type === "true_false") {
      var row = el("div", "tf");
      [true, false].forEach(function (value) {
        var b = button("opt", value ? item.options[0] : item.options[1], function () { finish(value); });
        b.setAttribute("data-value", value ? "true" : "false");
        if (result) {
          b.disabled = true;
          if (value === item.answer) b.className += " right";
          else if (value === result.given) b.className += " wrong";
        }
        row.appendChild(b);
      });
      card.appendChild(row);
    } else if (item.type === "fill_blank") {
      input = el("input", "answer");
      input.type = "text";
      input.setAttribute("autocomplete", "off");
      input.setAttribute("aria-label", "填写答案");
      input.placeholder = "在此填写横线处的原文";
      if (result) {
        input.value = result.given;
        input.disabled = true;
        input.className += result.ok ? " right" : " wrong";
      }
      card.appendChild(input);
    } else {
      if (item.type === "multiple") card.appendChild(el("p", "hint", "多选题：选出全部正确选项后点“提交”。"));
      for (var p = 0; p < order.length; p++) {
        (function (p, o) {
          var b = button("opt", null, function () {
            if (item.type === "single") { finish([o]); return; }
            var at = picked.indexOf(o);
            if (at >= 0) picked.splice(at, 1); else picked.push(o);
            b.className = "opt" + (at >= 0 ? "" : " picked");
            b.setAttribute("aria-pressed", at >= 0 ? "false" : "true");
            submit.disabled = picked.length === 0;
          });
          b.setAttribute("data-option", item.options[o]);
          b.appendChild(el("span", "letter", LETTERS.charAt(p)));
          b.appendChild(el("span", "text", item.options[o]));
          if (result) {
            b.disabled = true;
            if (item.answer.indexOf(o) >= 0) b.className += " right";
            else if (result.given.indexOf(o) >= 0) b.className += " wrong";
          }
          buttons.push(b);
          card.appendChild(b);
        })(p, order[p]);
      }
    }
    if (!result && (item.type === "multiple" || item.type === "fill_blank")) {
      submit = button("btn primary submit", "提交", function () {
        if (item.type === "fill_blank") {
          if (!input.value.trim()) { input.focus(); return; }
          finish(input.value);
        } else if (picked.length) {
          finish(picked.slice().sort(function (a, b) { return a - b; }));
        }
      });
      if (item.type === "multiple") submit.disabled = true;
      card.appendChild(submit);
      if (input) {
        input.addEventListener("keydown", function (e) { if (e.key === "Enter") submit.click(); });
      }
    }
    if (result) card.appendChild(feedback(item, order, result));
    screen.appendChild(card);
    if (result) {
      var last = state.pos + 1 >= state.queue.length;
      screen.appendChild(button("btn primary next", last ? "查看结果" : "下一题", next));
    }
  }

  function feedback(item, order, result) {
    var box = el("div", "feedback " + (result.ok ? "ok" : "bad"));
    box.setAttribute("role", "status");
    box.appendChild(el("p", "verdict", result.ok ? "✓ 回答正确" : "✗ 回答错误"));
    var answer = el("p", "correct");
    answer.appendChild(el("span", "label", "正确答案："));
    answer.appendChild(document.createTextNode(answerText(item, order)));
    box.appendChild(answer);
    if (!result.ok) {
      var yours = el("p", "yours");
      yours.appendChild(el("span", "label", "你的答案："));
      yours.appendChild(document.createTextNode(givenText(item, order, result.given)));
      box.appendChild(yours);
    }
    box.appendChild(explanation(item));
    var source = el("blockquote", "source");
    source.hidden = true;
    source.appendChild(pieces(el("p", "where"), item.where));
    var sentence = el("p", "sentence");
    sentence.appendChild(document.createTextNode("“"));
    pieces(sentence, item.source);
    sentence.appendChild(document.createTextNode("”"));
    source.appendChild(sentence);
    var toggle = button("btn source-toggle", "查看原文", function () {
      source.hidden = !source.hidden;
      toggle.textContent = source.hidden ? "查看原文" : "收起原文";
      // the sentence opens below the 解析, often under the fold of a phone
      if (!source.hidden && source.scrollIntoView) source.scrollIntoView({ block: "nearest" });
    });
    box.appendChild(toggle);
    box.appendChild(source);
    return box;
  }

  function explanation(item) {
    var p = el("p", "explanation");
    p.appendChild(el("span", "label", "解析："));
    p.appendChild(document.createTextNode(item.explanation));
    return p;
  }

  function next() {
    state.pos += 1;
    state.order = null;
    save();
    render();
    window.scrollTo(0, 0);
  }

  // -- the end of a round: score, missed items, 再练错题 --
  function showSummary() {
    setProgress(true);
    screen.textContent = "";
    var missed = state.queue.filter(function (i) { return !state.results[i].ok; });
    var n = state.queue.length, right = n - missed.length;
    var card = el("section", "card summary");
    card.appendChild(el("h2", null, state.round > 1 ? "错题重练完成" : "练习完成"));
    var score = el("p", "score");
    score.id = "score";
    score.textContent = right + " / " + n;
    card.appendChild(score);
    card.appendChild(el("p", "rate", "答对 " + right + " 题，共 " + n + " 题，正确率 " + Math.round(100 * right / n) + "%"));
    screen.appendChild(card);
    if (missed.length) {
      var box = el("section", "card");
      box.appendChild(el("h3", null, "错题（" + missed.length + "）"));
      var list = el("ol", "missed");
      missed.forEach(function (i) {
        var item = ITEMS[i], li = el("li");
        li.setAttribute("data-item", String(i));
        li.appendChild(stemLine(item));
        var answer = el("p", "correct");
        answer.appendChild(el("span", "label", "正确答案："));
        var text = item.type === "single" || item.type === "multiple"
          ? item.answer.map(function (o) { return item.options[o]; }).join("；")
          : answerText(item, []);
        answer.appendChild(document.createTextNode(text));
        li.appendChild(answer);
        li.appendChild(explanation(item));
        list.appendChild(li);
      });
      box.appendChild(list);
      screen.appendChild(box);
      screen.appendChild(button("btn primary retry", "再练错题（" + missed.length + " 题）", function () {
        state = fresh(missed, state.round + 1);
        save();
        render();
        window.scrollTo(0, 0);
      }));
    }
    screen.appendChild(button("btn restart", "全部重新练习", function () {
      state = fresh(all(), 1);
      save();
      render();
      window.scrollTo(0, 0);
    }));
    screen.appendChild(el("p", "note", "进度保存在本机浏览器中，关闭后再打开可继续。"));
  }

  function render() {
    if (state.pos >= state.queue.length) showSummary();
    else showQuestion();
  }
  render();
})();
