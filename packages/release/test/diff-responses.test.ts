/** spec:diff rules for responses and error statuses, each backed by the compiler. */
import { RESPONSE_EDITS } from "./diff/edits-responses.js";
import { describeEdits } from "./diff/helpers.js";

describeEdits("spec edits to responses and errors", RESPONSE_EDITS);
