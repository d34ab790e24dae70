// The connections-get app on @x/common's standalone function.
import { CommonCore, connectionsGet } from "@x/common";

const core = new CommonCore({ security: { authHeader: "Basic YmVuY2g=" } });
console.log(await connectionsGet(core, { companyId: "8a210b68-6988-11ed-a1eb-0242ac120002", connectionId: "2e9d2c44-f675-40ba-8049-353bfcb5e171" }));
