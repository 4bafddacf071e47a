"""What a person (or a screen reader) meets on a page, checked in a real browser: ids on screen,
accessible names of buttons, text contrast (WCAG AA), and keyboard focus. Shared by the browser
test and the screenshot script."""

from __future__ import annotations

import re

HEX_ID = re.compile(r"\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b")  # a draft id, a hash
# A Material icon's ligature read out as a name ("arrow_upward", "close icon")
ICON_NAME = re.compile(r"\b[a-z]+_[a-z_]+\b|\bicon\b")

# Every visible piece of text whose contrast with what is behind it is below WCAG AA (4.5:1; 3:1 for
# large text). Disabled controls are exempt, as WCAG says.
CONTRAST_JS = """
() => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(s => parseFloat(s)); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const blend = (top, under) => ({r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
                                  b: top.b * top.a + under.b * (1 - top.a), a: 1});
  const background = el => { const layers = [];
    for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
    let bg = {r: 255, g: 255, b: 255, a: 1}; for (let i = layers.length - 1; i >= 0; i--) bg = blend(layers[i], bg); return bg; };
  const out = [], seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim(); const el = walker.currentNode.parentElement;
    if (!text || !el || seen.has(el)) continue; seen.add(el);
    const style = getComputedStyle(el); const rect = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || rect.width < 2 || rect.height < 2 || !el.checkVisibility()) continue;
    if (el.closest('[aria-hidden="true"], [disabled], [aria-disabled="true"], style, script')) continue;
    const label = el.closest('label'); if (label && label.querySelector('input:disabled')) continue;
    if (style.fontFamily.includes('Material')) continue;
    let opacity = 1; for (let e = el; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
    const bg = background(el); const own = parse(style.color); const fg = blend({...own, a: own.a * opacity}, bg);
    const hi = Math.max(lum(fg), lum(bg)), lo = Math.min(lum(fg), lum(bg)); const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize), large = size >= 24 || (parseInt(style.fontWeight) >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) out.push(`${ratio.toFixed(2)}:1 ${style.color} "${text.slice(0, 60)}"`);
  }
  return out;
}
"""

FOCUS_JS = """
() => { const el = document.activeElement; const s = getComputedStyle(el);
  const current = document.querySelector('[data-testid="stSidebarNav"] a[aria-current="page"]');
  return {text: el.innerText, current: el.getAttribute('aria-current') === 'page', outline: s.outlineStyle,
          width: parseFloat(s.outlineWidth), background: s.backgroundColor,
          currentBackground: current ? getComputedStyle(current).backgroundColor : ''}; }
"""


def visible_text(page) -> str:  # type: ignore[no-untyped-def]
    """The text a person sees on the page (hidden tabs and closed expanders left out)."""
    return page.locator("body").inner_text()


def hex_ids(page) -> list[str]:  # type: ignore[no-untyped-def]
    return HEX_ID.findall(visible_text(page))


def buttons(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(accessible name, the line above it) of every button in the page's accessibility tree."""
    lines = page.locator("body").aria_snapshot().splitlines()
    found = []
    for i, line in enumerate(lines):
        m = re.match(r'\s*- button(?: "((?:[^"\\]|\\.)*)")?', line)
        if m:
            found.append((m.group(1) or "", lines[i - 1].strip() if i else ""))
    return found


def badly_named_buttons(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Buttons whose name says nothing, or only an icon's name. The "Open" toggle that Streamlit's select
    boxes carry sits inside its combobox's group and is read with it."""
    bad = []
    for name, above in buttons(page):
        if name == "Open" and above.startswith("- combobox"):
            continue
        if not name.strip() or ICON_NAME.search(name) or len(name.strip()) < 3:
            bad.append(name or "(no name)")
    return bad


def low_contrast(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.evaluate(CONTRAST_JS)


def focus_state(page) -> dict:  # type: ignore[no-untyped-def]
    return page.evaluate(FOCUS_JS)
