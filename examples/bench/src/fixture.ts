/** The one Connection every peer asks for, and the ids the fixture server knows. */
export const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
export const connectionId = "2e9d2c44-f675-40ba-8049-353bfcb5e171";
/** The server answers this id with the documented 404 (an ErrorMessage body). */
export const missingId = "00000000-0000-4000-8000-000000000404";
export const authHeader = "Basic YmVuY2g=";
export const connectionPath = (id: string) => `/companies/${companyId}/connections/${id}`;
