// The Monte Carlo worker: draws and values off the page's thread, so the
// page never freezes. Its wasm (src/bin/mc_worker.rs) holds the model and
// the sampler only.
//
// Messages in:  { ticket, link, slice }  a run of the share link's scenario
//                                        and set-up (format s2, crates/core/src/link/v2.rs)
//               { ticket, cancel: true } stop the current run
// Messages out: { ticket, done, total }  progress, after each slice of draws
//               { ticket, summary, ms }  the run's summary (`key value` lines)
//               { ticket, error }        why the run did not start
// A newer message ends the run before it; between slices the worker yields
// to its event loop, so a cancel or a new run is read within a slice.
import init, { start, step, summary, total } from './mc_worker.js';

const ready = init();
let current = 0;

// The yield: a message to itself, not a zero timeout, which browsers hold
// back at least 4 ms once timeouts nest: 100,000 draws are 100 slices.
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToEvents = () => new Promise((resume) => {
  waiting.push(resume);
  channel.port2.postMessage(0);
});

onmessage = async ({ data }) => {
  const mine = ++current;
  try {
    await ready;
  } catch (e) {
    postMessage({ ticket: data.ticket, error: 'load' });
    return;
  }
  if (data.cancel || mine !== current) return;
  const t0 = performance.now();
  const why = start(data.link);
  if (why) {
    postMessage({ ticket: data.ticket, error: why });
    return;
  }
  const all = total();
  const slice = data.slice || 1000;
  for (;;) {
    const done = step(slice);
    postMessage({ ticket: data.ticket, done, total: all });
    if (done >= all) break;
    await yieldToEvents();
    if (mine !== current) return;
  }
  postMessage({ ticket: data.ticket, summary: summary(), ms: performance.now() - t0 });
};
