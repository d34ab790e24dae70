/** spec:diff rules for exported types, the client and documentation, each backed by the compiler. */
import { CLIENT_EDITS, TYPE_EDITS } from "./diff/edits-types.js";
import { describeEdits } from "./diff/helpers.js";

describeEdits("spec edits to types, the client and documentation", [...TYPE_EDITS, ...CLIENT_EDITS]);
