// Keeps the jobs list and a job page current: polls the job API every 2 s while a shown job is open, and stops when
// none is. A job that ends on its own page reloads it, to show its artifacts; a new job on the list reloads the list.
(() => {
  const open = status => status === "Queued" || status === "Running";
  const eta = seconds => {
    if (seconds === null || seconds === undefined || !isFinite(seconds)) return "";
    const s = Math.round(seconds), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = String(s % 60).padStart(2, "0");
    return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${r}` : `${m}:${r}`;
  };
  // A list row or the job page: the same progress, percent, stage, ETA and status elements.
  const show = (element, job) => {
    const status = element.querySelector(".status");
    status.textContent = job.status;
    status.className = `status status-${job.status}`;
    element.querySelector("progress").value = job.progress;
    element.querySelector(".percent").textContent = `${Math.round(job.progress * 100)}%`;
    element.querySelector(".stage").textContent = job.stage ?? "";
    element.querySelector(".eta").textContent = eta(job.etaSeconds);
  };
  const live = document.getElementById("live");
  const poll = async (url, apply) => {
    while (true) {
      await new Promise(resolve => setTimeout(resolve, 2000));
      let response;
      try {
        response = await fetch(url, { headers: { Accept: "application/json" } });
      } catch {
        continue; // The Scheduler restarting: try again.
      }
      if (response.status === 401) { location.reload(); return; }
      if (!response.ok) continue;
      if (!apply(await response.json())) { if (live) live.textContent = "Nothing is running: updates stopped."; return; }
    }
  };

  const list = document.getElementById("jobs");
  if (list) {
    const rows = () => [...list.querySelectorAll("tbody tr[data-job]")];
    if (!rows().some(r => open(r.dataset.status))) return;
    if (live) live.textContent = "Updating every 2 s while jobs run.";
    poll(list.dataset.poll, jobs => {
      const byId = new Map(rows().map(r => [r.dataset.job, r]));
      if (jobs.some(j => !byId.has(j.id))) { location.reload(); return false; }
      for (const job of jobs) {
        const row = byId.get(job.id);
        row.dataset.status = job.status;
        show(row, job);
        if (!open(job.status)) row.querySelector(".actions form")?.remove();
      }
      return rows().some(r => open(r.dataset.status));
    });
  }

  const page = document.getElementById("job");
  if (page && open(page.dataset.status)) {
    poll(`/api/jobs/${page.dataset.job}`, job => {
      if (!open(job.status)) { location.reload(); return false; }
      show(page, job);
      return true;
    });
  }
})();
