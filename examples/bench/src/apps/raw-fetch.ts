// The connections-get app on fetch alone.
const response = await fetch("https://api.codat.io/companies/c/connections/d", { headers: { Authorization: "Basic YmVuY2g=", Accept: "application/json" } });
console.log(JSON.parse(await response.text()));
