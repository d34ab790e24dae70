/** Examples of parameters, bodies and responses: one synthesizer (values.ts), run once by the readers of load/. */
export { explicitExample, fits, mediaExample, parameterValue, SAMPLE_DATE, SAMPLE_DATE_TIME, SAMPLE_UUID, schemaValue, type Synthesis } from "./values.js";
export { stringMatching } from "./pattern.js";
