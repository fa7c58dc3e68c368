/** The side panel's tabs: one panel shown at a time; the versions tab widens the side for the diff. */
export type TabName = "problems" | "tests" | "case" | "versions";

export function mountTabs(side: HTMLElement, shown: (tab: TabName) => void): (tab: TabName) => void {
  const tabs = Array.from(side.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
  const select = (name: TabName) => {
    for (const tab of tabs) {
      const mine = tab.id === `tab-${name}`;
      tab.setAttribute("aria-selected", String(mine));
      const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
      if (panel) panel.hidden = !mine;
    }
    side.dataset.tab = name;
    shown(name);
  };
  for (const tab of tabs) tab.addEventListener("click", () => select(tab.id.replace(/^tab-/, "") as TabName));
  return select;
}
