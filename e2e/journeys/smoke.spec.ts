import { expect, test, urls } from "../fixtures";
import { trpcGet } from "../trpc";

test("the three apps serve the same catalogue and availability from the shared router", async ({ request }) => {
  const answers: Record<string, unknown>[] = [];
  for (const url of Object.values(urls)) {
    const get = async (path: string, input: unknown) => {
      const response = await trpcGet(request, url, path, input);
      expect(response.status(), `${url} ${path}`).toBe(200);
      return (await response.json()).result.data.json;
    };
    const stores = await get("stores.list", undefined);
    const search = await get("catalog.search", { category: "shoes", limit: 5 });
    const product = await get("catalog.product", { slug: search.items[0].slug });
    const availability = await get("inventory.availability", { sku: product.variants[0].sku });
    answers.push({ stores, search, product, availability });
  }
  expect(answers[0]!.stores).toEqual(
    expect.arrayContaining([expect.objectContaining({ id: "krakow", type: "store" })]),
  );
  // A pickup promise counts from the moment of the call ("ready 30 minutes from now"): the times differ by
  // the milliseconds between the calls, everything else must not.
  const timeless = (answer: unknown) =>
    JSON.parse(JSON.stringify(answer, (key, value: unknown) => (key === "readyBy" ? undefined : value))) as unknown;
  expect(timeless(answers[1])).toEqual(timeless(answers[0]));
  expect(timeless(answers[2])).toEqual(timeless(answers[0]));
});

test("bad input is a 400 with the zod issues, in every app", async ({ request }) => {
  for (const url of Object.values(urls)) {
    const response = await trpcGet(request, url, "catalog.search", { limit: 0 });
    expect(response.status()).toBe(400);
    expect((await response.json()).error.json.data.zodError).toBeTruthy();
  }
});
