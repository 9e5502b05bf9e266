import { parentPort } from "worker_threads";
import { makeValidator, type ValidateShared, type ValidateTask } from "../validate-file";

// The modules load as soon as the worker starts (the CLI starts it before it reads the registry); the first message
// is what every file shares, and one validator is built from it: the template's rules are compiled once.
let validate: ReturnType<typeof makeValidator> | undefined;

parentPort!.on("message", (msg: { shared: ValidateShared } | ValidateTask) => {
  if ("shared" in msg) {
    validate = makeValidator(msg.shared);
    return;
  }
  validate!(msg).then(
    (value) => parentPort!.postMessage({ ok: true, value }),
    (e: unknown) => parentPort!.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
