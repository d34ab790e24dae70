import { prismGlobalSetup } from "@x/mock-server/vitest";

export default prismGlobalSetup("common");
