export { inputSchema } from "../../artefact/input-schema";
export { compile } from "./compile";
export { CompileError } from "./errors";
export { compileExpr } from "./expressions";
export { compileMessage } from "./messages";
export { serializeArtefact } from "./serialize";
