/**
 * @fluentui/react-context-selector needs `scheduler` as a peer dependency, but the install only has it nested
 * under react-dom (node_modules/react-dom/node_modules/scheduler). Until `scheduler` is a top-level
 * dependency (see the task pane report), component tests map it to react-dom's copy.
 */
jest.mock(
  "scheduler",
  () => jest.requireActual(require("path").join(__dirname, "..", "..", "..", "node_modules", "react-dom", "node_modules", "scheduler")),
  { virtual: true },
);
export {};
