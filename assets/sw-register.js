// Registers the service worker and offers updates. Plain JS in its own file
// (no inline script, so the page's Content-Security-Policy stays strict),
// added by the loader (scripts/build-app.mjs) after the app has started.
(() => {
  if (!("serviceWorker" in navigator)) return;
  let userAgreed = false;

  const offer = (registration) => {
    if (document.querySelector("[data-testid=update-banner]")) return;
    const banner = document.createElement("div");
    banner.className = "update-banner";
    banner.setAttribute("role", "status");
    banner.dataset.testid = "update-banner";
    const text = document.createElement("span");
    // In the page's language: the app leaves the two texts on <html>
    // (src/ui/language.rs); English until it has.
    const says = document.documentElement.dataset;
    text.textContent = (says.updateReady || "A new version is ready -") + " ";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = says.updateReload || "Reload";
    button.addEventListener("click", () => {
      userAgreed = true;
      if (registration.waiting) registration.waiting.postMessage("skip-waiting");
      else location.reload();
    });
    banner.append(text, button);
    document.body.append(banner);
  };

  // The new worker takes over only after the click; then the page reloads
  // into the new build. Saved scenarios live in local storage, untouched.
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (userAgreed) location.reload();
  });

  // The page's loader adds this script once the app has started (after the
  // first value, off the critical path), which may be after "load".
  const start = async () => {
    try {
      const registration = await navigator.serviceWorker.register("./sw.js");
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        if (!worker) return;
        worker.addEventListener("statechange", () => {
          if (worker.state === "installed" && navigator.serviceWorker.controller) offer(registration);
        });
      });
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") registration.update().catch(() => {});
      });
    } catch (_) {
      // No service worker (file://, private mode): the app works online as before.
    }
  };
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
