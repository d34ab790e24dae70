import { describe, expect, it } from "vitest";
import { parseRetryAfterMs } from "../src/retry/retry-after.js";

const NOW_MS = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");

describe("parseRetryAfterMs", () => {
  const cases: { given: string | null; want: number | undefined }[] = [
    { given: null, want: undefined },
    { given: "", want: undefined },
    { given: "0", want: 0 },
    { given: "2", want: 2_000 },
    { given: " 3 ", want: 3_000 },
    { given: "120", want: 120_000 },
    { given: "1.5", want: 1_500 },
    { given: "-1", want: undefined },
    { given: "+5", want: undefined },
    { given: "soon", want: undefined },
    { given: "5s", want: undefined },
    { given: "Wed, 21 Oct 2015 07:28:10 GMT", want: 10_000 },
    { given: "Wednesday, 21-Oct-15 07:29:00 GMT", want: 60_000 },
    { given: "Wed Oct 21 07:28:05 2015", want: 5_000 },
    { given: "Wed, 21 Oct 2015 07:27:00 GMT", want: 0 },
    { given: "Thu, 01 Jan 1970 00:00:00 GMT", want: 0 },
    { given: "Wed, 99 Foo 2015 07:28:10 GMT", want: undefined },
    { given: "2015-10-21T07:28:10Z", want: undefined },
  ];
  it.each(cases)("$given → $want", ({ given, want }) => {
    expect(parseRetryAfterMs(given, NOW_MS)).toBe(want);
  });
});
