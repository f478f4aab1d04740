// Copy buttons: put exactly the snippet's text on the clipboard.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const text = document.getElementById(button.dataset.copy).textContent;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Plain http on another host has no clipboard API: fall back to a selection.
    const area = Object.assign(document.createElement("textarea"), { value: text });
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  const label = button.textContent;
  button.textContent = document.body.dataset.copied || "Copied";
  button.setAttribute("aria-live", "polite");
  setTimeout(() => { button.textContent = label; }, 1500);
});

// Overview filters: without JavaScript the form stays hidden and every message is listed.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("filters");
  if (!form) return;
  const rows = [...document.querySelectorAll(".overview tbody tr")];
  const shown = document.getElementById("shown");
  const apply = () => {
    const { status, channel, lang } = Object.fromEntries(new FormData(form));
    let count = 0;
    for (const row of rows) {
      const match = (!status || row.dataset.status === status)
        && (!lang || row.dataset.lang === lang)
        && (!channel || row.dataset.channels.split(" ").includes(channel));
      row.hidden = !match;
      count += match;
    }
    shown.textContent = shown.dataset.template.replace("{count}", count).replace("{total}", rows.length);
  };
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  apply();
});
