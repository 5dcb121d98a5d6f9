// The explorer's sliders: each move asks the Scheduler for the face decoded with every slider's value. One request
// at a time; moves made meanwhile are coalesced into the next. window.explorerTimings holds, for each slider release,
// the milliseconds until the new image was on screen (what the benchmark reads).
(() => {
  const root = document.getElementById("explorer");
  if (!root) return;
  const set = root.dataset.set;
  const sliders = [...root.querySelectorAll("input[type=range]")];
  const original = document.getElementById("original");
  const reconstruction = document.getElementById("reconstruction");
  const edited = document.getElementById("edited");
  const latency = document.getElementById("latency");
  window.explorerTimings = [];
  let face = null, busy = false, pending = false, released = null;

  const edits = () => sliders.filter(s => Number(s.value) !== 0).map(s => `${s.dataset.attribute}:${Number(s.value).toFixed(1)}`).join(",");
  const url = e => `/ui/explorer/render?${set}&face=${encodeURIComponent(face)}&edits=${encodeURIComponent(e)}`;
  const load = async (img, source) => {
    const response = await fetch(source);
    if (!response.ok) throw new Error((await response.json().catch(() => null))?.detail ?? response.statusText);
    const previous = img.src;
    img.src = URL.createObjectURL(await response.blob());
    await img.decode();
    if (previous.startsWith("blob:")) URL.revokeObjectURL(previous);
  };
  const render = async () => {
    if (face === null) return;
    if (busy) { pending = true; return; }
    busy = true;
    const start = released;
    released = null;
    const shown = edits();
    try {
      await load(edited, url(shown));
      if (start !== null) {
        const ms = performance.now() - start;
        window.explorerTimings.push(ms);
        latency.textContent = `(${Math.round(ms)} ms)`;
      }
      edited.dataset.edits = shown;
    } catch (error) {
      latency.textContent = `(${error.message})`;
    } finally {
      busy = false;
      if (pending) { pending = false; render(); }
    }
  };
  const choose = async chosen => {
    face = chosen;
    root.querySelectorAll(".face").forEach(b => b.classList.toggle("chosen", b.dataset.face === chosen));
    if (chosen.startsWith("file:")) await load(original, `/ui/explorer/original?${set}&file=${encodeURIComponent(chosen.slice(5))}`);
    else original.removeAttribute("src");
    await load(reconstruction, url(""));
    await render();
  };

  for (const slider of sliders) {
    const shown = slider.nextElementSibling;
    slider.addEventListener("input", () => { shown.textContent = Number(slider.value).toFixed(1); render(); });
    slider.addEventListener("change", () => { released = performance.now(); render(); });
  }
  root.querySelectorAll(".face").forEach(b => b.addEventListener("click", () => choose(b.dataset.face)));
  document.getElementById("random")?.addEventListener("click", () => choose(`seed:${Math.floor(Math.random() * 2147483647)}`));
  document.getElementById("reset").addEventListener("click", () => {
    sliders.forEach(s => { s.value = 0; s.nextElementSibling.textContent = "0.0"; });
    render();
  });
  document.getElementById("apply-form").addEventListener("submit", () => { document.getElementById("apply-edits").value = edits(); });
  const first = root.querySelector(".face");
  if (first) choose(first.dataset.face);
})();
