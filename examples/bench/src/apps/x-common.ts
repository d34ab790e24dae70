// The connections-get app on @x/common.
import { Common } from "@x/common";

const common = new Common({ security: { authHeader: "Basic YmVuY2g=" } });
console.log(await common.connections.get({ companyId: "8a210b68-6988-11ed-a1eb-0242ac120002", connectionId: "2e9d2c44-f675-40ba-8049-353bfcb5e171" }));
