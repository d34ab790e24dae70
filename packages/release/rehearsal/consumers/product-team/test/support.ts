// What the product team's tests share: the fake API's address, its IDs and the team's API key.
export const BASE = "http://api.test:8080";
export const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
export const connectionId = "2e9d2c44-f675-40ba-8049-353bfcb5e171";
export const apiKey = "product-team-key";
/** The Authorization header the client sends: no test output may contain it, nor the key. */
export const authHeader = `Basic ${Buffer.from(apiKey).toString("base64")}`;
export const connectionPath = `${BASE}/companies/:companyId/connections/:connectionId`;
