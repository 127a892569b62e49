import { expect, test, urls } from "../fixtures";

test("the three apps serve the shared router", async ({ request }) => {
  for (const url of Object.values(urls)) {
    const response = await request.get(`${url}/api/trpc/stores.list`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.result.data.json.map((s: { id: string }) => s.id)).toContain("krakow");
  }
});
