export { compile } from "./compile";
export { CompileError } from "./errors";
export { compileExpr } from "./expressions";
export { inputSchema } from "./input-schema";
export { compileMessage } from "./messages";
export { serializeArtefact } from "./serialize";
