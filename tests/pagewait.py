"""Waits on what a page says about itself, never on the clock: fonts loaded, layouts settled, canvases drawn.

The pages forbid `eval` (their CSP), which Playwright's `wait_for_function` needs; `page.evaluate` of a
function that returns a promise is allowed, so each wait below is one promise the page resolves on its
own events. A slow machine makes a wait longer, not wrong: the time limit only ends a page that never gets
there, and is a failure that says which event did not come.
"""

from __future__ import annotations

# Resolves once the fonts are in, every network on the page has finished its stabilization (the page turns
# physics off and fits the view on that event) and has then drawn one frame after it, so the canvas holds
# the settled picture. Rejects after `limit` ms with what was still missing.
DRAWN = """async (limit) => {
  const missing = new Set(['fonts']);
  const timer = new Promise((_, reject) => setTimeout(
    () => reject(new Error('still waiting after ' + limit + ' ms for: ' + [...missing].join(', '))), limit));
  const ready = (async () => {
    await document.fonts.ready;
    missing.delete('fonts');
    const networks = Object.entries(window.kgNetworks || {});
    await Promise.all(networks.map(([id, state]) => new Promise((resolve) => {
      missing.add(id);
      const draw = () => {
        state.network.once('afterDrawing', () => { missing.delete(id); resolve(); });
        state.network.redraw();
      };
      if (state.stabilized) { draw(); }
      else { state.network.once('stabilizationIterationsDone', draw); }
    })));
    return networks.length;
  })();
  return Promise.race([ready, timer]);
}"""

# Resolves after `frames` animation frames: long enough for a network whose physics still ran to move.
FRAMES = """(frames) => new Promise((resolve) => {
  let left = frames;
  const step = () => (--left <= 0 ? resolve(frames) : requestAnimationFrame(step));
  requestAnimationFrame(step);
})"""


def open_page(page, url: str, limit_s: float = 120) -> int:
    """Go to `url`, wait until the network is idle, the fonts are loaded and every graph is drawn settled.

    Returns how many graphs the page holds.
    """
    page.goto(url, wait_until="networkidle", timeout=limit_s * 1000)
    return wait_drawn(page, limit_s)


def wait_drawn(page, limit_s: float = 120) -> int:
    """Wait for the page's fonts and for each graph's settled drawing; the count of graphs on the page."""
    return page.evaluate(DRAWN, int(limit_s * 1000))


def wait_frames(page, frames: int = 30) -> None:
    page.evaluate(FRAMES, frames)
