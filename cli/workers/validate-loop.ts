import { parentPort, workerData } from "worker_threads";
import type { Registry } from "../../addin/templates";
import { indexRegistrySource, type RegistrySource } from "../context";
import { makeValidator, type ValidateShared, type ValidateTask, type ValidateWorkerData } from "../validate-file";

// The modules load as soon as the worker starts (bin/xiaobo.js starts it before the CLI itself loads), then the
// registry it was started with, or is sent first, is indexed (a township read when a file asks for it), while the
// calling thread parses its own copy of the same text in full. A registry that does not parse fails here too, and the
// calling thread reports it and ends this worker.
let registry: Registry | undefined;
const parse = (source: RegistrySource | undefined) => {
  try {
    registry = source ? indexRegistrySource(source) : undefined;
  } catch {
    registry = undefined;
  }
};
parse((workerData as ValidateWorkerData | null)?.registry);

// The first message is what every file shares, and one validator is built from it: the template's rules are compiled once.
let validate: ReturnType<typeof makeValidator> | undefined;

parentPort!.on("message", (msg: { registry: RegistrySource } | { shared: ValidateShared } | ValidateTask) => {
  if ("registry" in msg) {
    parse(msg.registry);
    return;
  }
  if ("shared" in msg) {
    if (msg.shared.registryInWorkers && !registry) throw new Error("validate worker: no registry parsed from workerData or sent");
    validate = makeValidator(msg.shared.registryInWorkers ? { ...msg.shared, registry } : msg.shared);
    return;
  }
  validate!(msg).then(
    (value) => parentPort!.postMessage({ ok: true, value }),
    (e: unknown) => parentPort!.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
