import { parentPort, workerData } from "worker_threads";
import { makeValidator, type ValidateShared, type ValidateTask } from "../validate-file";

// One validator per worker: the template's rules are compiled once, then reused for every file.
const validate = makeValidator(workerData as ValidateShared);

parentPort!.on("message", (task: ValidateTask) => {
  validate(task).then(
    (value) => parentPort!.postMessage({ ok: true, value }),
    (e: unknown) => parentPort!.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
