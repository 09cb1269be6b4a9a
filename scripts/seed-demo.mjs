// Seeds the demo: the "demo" channel, inventory items for part of the sandbox's catalogue, and a first report
// request, once: when the demo channel exists already (a rerun), nothing is written, so the seller's changes to
// the channel stay and items the seller deleted do not come back.
// Usage: node scripts/seed-demo.mjs <api base> <sandbox base> [items]
const [api = "http://localhost:7071/api", sandbox = "http://127.0.0.1:5080", itemCount = "300"] = process.argv.slice(2);
const key = process.env.FUNCTIONS_KEY;
const headers = { "content-type": "application/json", ...(key ? { "x-functions-key": key } : {}) };

async function call(method, url, body) {
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const current = await call("GET", `${api}/channels/demo`);
if (current.status === 200) {
  console.log("demo channel there already: nothing seeded (delete .azurite/ to start afresh)");
  process.exit(0);
}
if (current.status !== 404) throw new Error(`GET channel: ${current.status} ${JSON.stringify(current.json)}`);

const channel = await call("PUT", `${api}/channels/demo`, {
  accountId: "A1SANDBOXSELLER",
  accountName: "Demo seller (sandbox)",
  region: "EU",
  marketplaceIds: ["A1PA6795UKMFR9"],
});
if (channel.status !== 200) throw new Error(`PUT channel: ${channel.status} ${JSON.stringify(channel.json)}`);

// Items for the first listings of the catalogue: most with the listing's exact SKU (Link All links them), a few
// upper-cased (only match=normalized links those), so the demo shows both.
const listings = (await call("GET", `${sandbox}/_sandbox/sellers/A1SANDBOXSELLER/listings?take=${itemCount}`)).json;
let created = 0, existing = 0;
for (const [i, listing] of listings.entries()) {
  const sku = i % 10 === 7 ? listing.sku.toUpperCase() + " " : listing.sku;
  const result = await call("POST", `${api}/inventory`, {
    sku, title: listing.title, retailPrice: listing.price, stockLevels: { default: (i * 7) % 40 },
  });
  if (result.status === 201) created++;
  else if (result.status === 409) existing++;
  else throw new Error(`POST item ${sku}: ${result.status} ${JSON.stringify(result.json)}`);
}

const request = await call("POST", `${api}/channels/demo/report-requests`);
console.log(`demo channel ready; items: ${created} created, ${existing} already there; listings report ${request.json?.status ?? request.status}`);
