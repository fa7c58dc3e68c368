// The entry of a compare worker thread. The comparison is TypeScript: tsx is registered here, in the
// worker itself, since a module hook registered in the main thread does not reach worker threads.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
