// Starts the engine worker as early as the page allows: this module needs only the client, so it runs
// before the UI's modules (uPlot and the widgets) have loaded, and the worker's downloads, compilation and
// model load overlap them. The app (app.js) imports the same client instance from here.
import { EngineClient } from './client.js';

export const client = new EngineClient();
// app.js awaits the same promise and reports a failure; this only keeps it from being an unhandled rejection.
client.start().catch(() => {});
