// The connections-get app on the vendor's SDK class.
import { CodatPlatform } from "@codat/platform";

const platform = new CodatPlatform({ authHeader: "Basic YmVuY2g=" });
console.log(await platform.connections.get({ companyId: "8a210b68-6988-11ed-a1eb-0242ac120002", connectionId: "2e9d2c44-f675-40ba-8049-353bfcb5e171" }));
