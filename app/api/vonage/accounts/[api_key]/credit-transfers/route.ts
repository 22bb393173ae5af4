import { transferRoutes } from "@/lib/vonage/transfer-routes";

const routes = transferRoutes("credit");
export const GET = routes.GET;
export const POST = routes.POST;
