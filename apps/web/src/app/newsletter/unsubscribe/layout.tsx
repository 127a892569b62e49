import { ShopProviders } from "../../shop-providers";

export default ShopProviders;
