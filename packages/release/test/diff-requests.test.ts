/** spec:diff rules for methods, parameters and request bodies, each backed by the compiler. */
import { BODY_EDITS, METHOD_EDITS, PARAMETER_EDITS } from "./diff/edits-requests.js";
import { describeEdits } from "./diff/helpers.js";

describeEdits("spec edits to methods, parameters and request bodies", [...METHOD_EDITS, ...PARAMETER_EDITS, ...BODY_EDITS]);
