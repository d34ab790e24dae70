// The connections-get app on bare openapi-fetch.
import createClient from "openapi-fetch";

const client = createClient({ baseUrl: "https://api.codat.io", headers: { Authorization: "Basic YmVuY2g=" } });
const { data } = await client.GET("/companies/{companyId}/connections/{connectionId}" as never, { params: { path: { companyId: "c", connectionId: "d" } } } as never);
console.log(data);
