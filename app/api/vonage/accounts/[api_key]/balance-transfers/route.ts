import { transferRoutes } from "@/lib/vonage/transfer-routes";
import { otherMethods } from "@/lib/api/problem";

const routes = transferRoutes("balance");
export const GET = routes.GET;
export const POST = routes.POST;

// the other methods: a problem+json 405
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
