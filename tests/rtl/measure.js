// SPDX-License-Identifier: MIT
// measure.js - appended to a copy of a page by tests/rtl.sh: checks, with
// the layout the browser really computed, that the page reads right to
// left, and writes the verdict into the title, which chromium --dump-dom
// shows: "RTL OK <number of checks>" or "RTL FAIL: <what is wrong>".
(function () {
  var bad = [];
  var checks = 0;
  function box(e) { return e.getBoundingClientRect(); }
  // the right edge of e's content (inside its padding and border)
  function contentRight(e) {
    var cs = getComputedStyle(e);
    return box(e).right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth);
  }
  function contentLeft(e) {
    var cs = getComputedStyle(e);
    return box(e).left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth);
  }
  // the lines of e's text, first and last: the boxes of its words grouped
  // by line (runs of another direction are boxes of their own, in any
  // order: a line's extent is the union of its boxes)
  function lines(e) {
    var range = document.createRange();
    range.selectNodeContents(e);
    var rows = [];
    Array.prototype.forEach.call(range.getClientRects(), function (r) {
      if (r.width < 1) return;
      var row = rows.filter(function (x) { return Math.abs(x.bottom - r.bottom) < r.height / 2; })[0];
      if (!row) rows.push(row = {bottom: r.bottom, left: r.left, right: r.right});
      row.left = Math.min(row.left, r.left);
      row.right = Math.max(row.right, r.right);
    });
    rows.sort(function (a, b) { return a.bottom - b.bottom; });
    return rows;
  }
  function name(e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''); }

  var direction = getComputedStyle(document.body).direction;
  checks++;
  if (direction !== 'rtl') bad.push('the body runs ' + direction);

  // a list is indented on its start side: the right
  document.querySelectorAll('ul, ol').forEach(function (list) {
    var li = list.querySelector(':scope > li');
    if (!li) return;
    var l = box(list), i = box(li);
    checks++;
    if (!(l.right - i.right > 10 && Math.abs(i.left - l.left) < 2))
      bad.push(name(list) + ' indented on the wrong side (right ' + Math.round(l.right - i.right) +
               ' px, left ' + Math.round(i.left - l.left) + ' px)');
  });

  // a number written as the document writes it hangs in the right margin,
  // right of its text
  document.querySelectorAll('.as-written > li > .marker').forEach(function (m) {
    var li = m.parentNode, r = box(m), text = null;
    for (var n = m.nextSibling; n && !text; n = n.nextSibling) {
      if (n.nodeType === 3 && n.textContent.trim()) {
        var range = document.createRange();
        range.selectNodeContents(n);
        text = range.getClientRects()[0];
      }
    }
    checks++;
    if (r.right <= box(li).right - 1) bad.push('number ' + m.textContent + ' inside its item, not in the right margin');
    if (text && r.left < text.right - 1) bad.push('number ' + m.textContent + ' left of its text');
  });

  // every heading, paragraph and item starts at its right edge, and its
  // last line, when shorter, keeps to the right, away from the left edge
  document.querySelectorAll('h1, h2, h3, p, li').forEach(function (e) {
    if (e.matches('.as-written > li')) return; // its number hangs outside
    if (e.querySelector('p, ul, ol')) return;   // its own blocks are checked
    var rows = lines(e);
    if (!rows.length) return;
    var right = contentRight(e), left = contentLeft(e), last = rows[rows.length - 1];
    checks++;
    if (Math.abs(rows[0].right - right) > 2)
      bad.push(name(e) + ' starts ' + Math.round(right - rows[0].right) + ' px left of its right edge');
    if (Math.abs(last.right - right) > 2 || (last.right - last.left < (right - left) * 0.8 && last.left - left < 5))
      bad.push(name(e) + ' ends its last line on the left');
  });

  document.title = bad.length ? 'RTL FAIL: ' + bad.slice(0, 6).join('; ') : 'RTL OK ' + checks;
})();
