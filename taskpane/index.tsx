// The task pane's webpack entry: boot decides Excel or standalone and renders the app.
import { boot } from "./boot";

void boot();
