using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Listings;
using InventoryMapping.Mapping;
using InventoryMapping.Testing;

namespace InventoryMapping.Core.Tests.Listings;

public sealed class ConcurrentCountsTests : IAsyncLifetime
{
    private TestServices _app = null!;

    public async Task InitializeAsync() => _app = await TestServices.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Counts_stay_exact_under_concurrent_links_unlinks_and_a_bulk_job()
    {
        var skus = Enumerable.Range(0, 300).Select(i => $"C-{i:D4}").ToList();
        await ShopSeed.SeedAsync(_app, skus, skus.Take(200));
        var links = _app.Get<LinkService>();
        var job = (await _app.Get<MappingJobs>().StartAsync(JobKind.LinkAllBySku, "shop", false, SkuMatchMode.Exact, default)).Value!;

        // Users link and unlink listings 200-299 by hand (to items 0-99) while the job links 0-199.
        var manual = Enumerable.Range(200, 100).Select(async i =>
        {
            var listingId = ListingIds.FromSku(skus[i]);
            var target = new LinkTarget(null, skus[i - 200]);
            await links.LinkAsync("shop", listingId, target, null, default);
            if (i % 2 == 0)
            {
                await links.UnlinkAsync("shop", listingId, null, default);
            }
        });
        await Task.WhenAll([.. manual, _app.Get<JobRunner>().RunAsync(new JobMessage(job.JobId), default)]);

        var counts = (await _app.Get<ChannelSummaryService>().SummaryAsync("shop", default)).Value!.Counts;
        var actual = await CountByReadingEveryListingAsync();
        Assert.Equal(actual, (counts.Active, counts.Linked, counts.Unlinked));
        Assert.Equal((300, 250, 50), actual);
    }

    private async Task<(long Active, long Linked, long Unlinked)> CountByReadingEveryListingAsync()
    {
        long active = 0, linked = 0, unlinked = 0;
        string? token = null;
        do
        {
            var page = (await _app.Get<ListingService>().QueryAsync(new ListingQuery("shop", PageSize: 500), token, default)).Value!;
            foreach (var listing in page.Listings.Where(l => l.Status == ListingStatus.Active))
            {
                active++;
                if (listing.LinkedItem is null)
                {
                    unlinked++;
                }
                else
                {
                    linked++;
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
        return (active, linked, unlinked);
    }
}
