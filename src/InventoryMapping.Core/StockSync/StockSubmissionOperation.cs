using Azure.Data.Tables;
using InventoryMapping.AmazonAccess;
using InventoryMapping.Channels;
using InventoryMapping.Inventory;
using InventoryMapping.Lifecycle;
using InventoryMapping.Listings;
using InventoryMapping.Listings.Storage;
using InventoryMapping.SpApi;
using InventoryMapping.StockMarks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InventoryMapping.StockSync;

/// <summary>
/// Stock levels to Amazon as a <see cref="TrackedOperation{TRequest}"/>, in the channel's in-flight slot: plan (the
/// settled pending marks → listings → quantities; only those that differ from what Amazon accepted last, or forced),
/// hold at the safety rail, send (JSON_LISTINGS_FEEDs of ≤ 25,000 messages, or patchListingsItem for small ones),
/// then follow the feeds to their processing reports and put each message's result on its listing. Every step is
/// recorded before the next, so a crash between two neither loses a change nor sends one twice: the marks stay until
/// the result is on the listing, and a createFeed whose answer was lost is found again with getFeeds.
/// </summary>
public sealed partial class StockSubmissionOperation(
    StockSubmissionStore submissions,
    PendingStockMarks marks,
    ListingStore listings,
    ListingSyncResults results,
    ListingCountsRollup counts,
    InventoryStore items,
    SkuClaims claims,
    SpApiConnections connections,
    IOptions<StockSyncOptions> options,
    IOptions<LifecycleOptions> lifecycle,
    TimeProvider clock,
    ILogger<StockSubmissionOperation> logger) : TrackedOperation<StockSubmissionEntity>
{
    private const int ReadsInFlight = 16;

    /// <summary>A feed document's URL lives 5 minutes; one older than this is not uploaded to but replaced.</summary>
    private static readonly TimeSpan UploadUrlLifetime = TimeSpan.FromMinutes(4);

    /// <summary>Amazon's clock and ours may differ: a feed created this much before our createFeed attempt may still be its.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public override string Name => "stockSubmission";

    public override TableClient Table => submissions.Table;

    public override TimeSpan UnsentRequestTimeout => options.Value.UnsentRequestTimeout;

    public override StockSubmissionEntity NewRequest(Channel channel, string requestId, DateTimeOffset now) =>
        new() { PartitionKey = channel.ChannelId, RowKey = requestId, RequestedAt = now, StatusSince = now };

    /// <summary>Sent once with Amazon; before that (planning, held, submitting, or discarded while held) the lifecycle's send step goes on with it.</summary>
    public override bool IsSent(StockSubmissionEntity request) =>
        request.SubmissionStatus is not (StockSubmissionStatus.Planning or StockSubmissionStatus.Held or StockSubmissionStatus.Submitting or StockSubmissionStatus.Discarded);

    public override void Fail(StockSubmissionEntity request, string reason, DateTimeOffset now) => request.MoveTo(StockSubmissionStatus.Failed, now, reason);

    public override async Task<Step> SendAsync(Channel channel, StockSubmissionEntity request, bool interactive, CancellationToken cancellationToken)
    {
        switch (request.SubmissionStatus)
        {
            case StockSubmissionStatus.Held:
                return Step.Continue;
            case StockSubmissionStatus.Discarded:
                // Discarded by a user: what it would have sent is dropped with its marks (a later change marks the
                // listings again); SKUs the plan claimed are flagged claimed, as their results would have.
                var plan = await submissions.ReadPlanAsync(request.PlanBlob!, cancellationToken);
                var claimedRows = await listings.GetManyAsync(channel.ChannelId, [.. plan.Where(m => m.Claimed).Select(m => m.ListingId)], ReadsInFlight, cancellationToken);
                await results.SetSkuClaimedAsync(channel.ChannelId, [.. claimedRows.OfType<ListingEntity>()], claimed: true, cancellationToken);
                await marks.RemoveAsync(channel.ChannelId, Marks(plan), cancellationToken);
                return Step.Ended;
            case StockSubmissionStatus.Planning:
                var planned = await PlanAsync(channel, request, cancellationToken);
                if (planned is null)
                {
                    return Step.Ended;
                }

                if (request.SubmissionStatus == StockSubmissionStatus.Held)
                {
                    return Step.Continue;
                }

                return await SubmitAsync(channel, request, planned, cancellationToken);
            default:
                return await SubmitAsync(channel, request, await submissions.ReadPlanAsync(request.PlanBlob!, cancellationToken), cancellationToken);
        }
    }

    public override async Task<Step> AdvanceAsync(Channel channel, StockSubmissionEntity request, CancellationToken cancellationToken)
    {
        var plan = await submissions.ReadPlanAsync(request.PlanBlob!, cancellationToken);
        if (request.FeedSteps().Any(f => f.FeedId is null))
        {
            // A feed Amazon aborted, sent again after the back-off.
            await SubmitFeedsAsync(channel, request, plan, cancellationToken);
        }

        var client = await FeedsAsync(channel, cancellationToken);
        var feeds = request.FeedSteps();
        string? backOff = null;
        for (var k = 0; k < feeds.Count; k++)
        {
            var feed = feeds[k];
            if (feed.Outcome is not null)
            {
                continue;
            }

            var status = await client.GetFeedAsync(feed.FeedId!, cancellationToken);
            var slice = plan.Skip(feed.First).Take(feed.Count).ToList();
            switch (status.ProcessingStatus)
            {
                case ReportProcessingStatus.InQueue or ReportProcessingStatus.InProgress:
                    continue;
                case ReportProcessingStatus.Done:
                    var document = await client.GetFeedDocumentAsync(status.ResultFeedDocumentId!, cancellationToken);
                    var report = await client.ReadProcessingReportAsync(document, cancellationToken);
                    var errors = report.ErrorsByMessage();
                    (feed.Succeeded, feed.Failed) = await ApplyAsync(channel, slice, messageId => errors.TryGetValue(messageId, out var e) ? $"{e.Code}: {e.Message}" : null, cancellationToken);
                    feed.Outcome = status.ProcessingStatus.ToString();
                    break;
                default:
                    // FATAL ("some, none, or all operations may have completed") or CANCELLED: the marks stay. The feed is
                    // sent again after the lifecycle's back-off, longer each time; after as many tries as the lifecycle
                    // gives a transient failure, this submission gives up on it and the next run's plan sends those listings.
                    var aborted = $"Amazon {(status.ProcessingStatus == ReportProcessingStatus.Fatal ? "aborted" : "cancelled")} feed {feed.FeedId} ({status.ProcessingStatus.ToString().ToUpperInvariant()})";
                    var givingUp = request.FeedRetries + 1 >= lifecycle.Value.MaxTransientFailures;
                    var why = givingUp
                        ? $"{aborted}, {request.FeedRetries + 1} times; it is sent again on the next run."
                        : $"{aborted}; it is sent again in {lifecycle.Value.RetryDelay(request.FeedRetries + 1):g}.";
                    await results.WriteAsync(channel.ChannelId, [.. slice.Select(m => new SyncResult(m.ListingId, m.Quantity, m.MarkedAt, why, m.Claimed))], cancellationToken);
                    request.Error = why;
                    if (givingUp)
                    {
                        (feed.Succeeded, feed.Failed) = (0, slice.Count);
                        feed.Outcome = status.ProcessingStatus.ToString();
                        break;
                    }

                    request.FeedRetries++;
                    request.AbortedFeedIds = request.AbortedFeedIds is null ? feed.FeedId : $"{request.AbortedFeedIds},{feed.FeedId}";
                    feeds[k] = new FeedProgress(feed.First, feed.Count);
                    backOff = why;
                    break;
            }

            request.Succeeded = feeds.Sum(f => f.Succeeded);
            request.Failed = feeds.Sum(f => f.Failed);
            request.SetFeedSteps(feeds);
            await CheckpointAsync(request, cancellationToken);
        }

        if (backOff is not null)
        {
            throw new StepBackOffException(backOff, lifecycle.Value.RetryDelay(request.FeedRetries));
        }

        return feeds.All(f => f.Outcome is not null) ? Finish(request) : Step.Continue;
    }

    private Step Finish(StockSubmissionEntity request)
    {
        request.MoveTo(StockSubmissionStatus.Done, clock.GetUtcNow(), request.Error);
        LogDone(logger, request.PartitionKey, request.RowKey, request.Succeeded, request.Failed);
        return Step.Completed(clock.GetUtcNow());
    }

    /// <summary>
    /// Amazon's results onto the listings, then the marks they answer removed (at the version planned: a listing
    /// marked again meanwhile stays marked); returns how many Amazon applied and refused. Idempotent, so a crash
    /// part-way is mended by running it again.
    /// </summary>
    private async Task<(int Succeeded, int Failed)> ApplyAsync(Channel channel, IReadOnlyList<PlannedQuantity> slice, Func<int, string?> errorOf, CancellationToken cancellationToken)
    {
        var outcome = slice.Select(m => new SyncResult(m.ListingId, m.Quantity, m.MarkedAt, errorOf(m.MessageId), m.Claimed)).ToList();
        await results.WriteAsync(channel.ChannelId, outcome, cancellationToken);
        await marks.RemoveAsync(channel.ChannelId, Marks(slice), cancellationToken);
        var failed = outcome.Count(r => r.Error is not null);
        return (outcome.Count - failed, failed);
    }

    /// <summary>
    /// Reads the settled marks, decides each listing's quantity and keeps those to send. Null when nothing needs
    /// sending (the marks are removed); otherwise the plan is stored and the request held or submitting.
    /// </summary>
    private async Task<IReadOnlyList<PlannedQuantity>?> PlanAsync(Channel channel, StockSubmissionEntity request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var pending = await marks.ReadAsync(channel.ChannelId, now - options.Value.MarkSettleTime, options.Value.MaxMessagesPerSubmission, cancellationToken);
        var rows = await listings.GetManyAsync(channel.ChannelId, [.. pending.Select(m => m.ListingId)], ReadsInFlight, cancellationToken);
        var stock = await StockOfAsync(rows, cancellationToken);
        var claimed = await UpdateClaimsAsync(channel, rows, cancellationToken);

        var send = new List<PlannedQuantity>();
        var settled = new List<PendingMark>();
        for (var i = 0; i < pending.Count; i++)
        {
            if (rows[i] is not { } row || SyncEligibilityRule.Of(row) != SyncEligibility.Eligible || !stock.TryGetValue(row.LinkedItemId!, out var levels))
            {
                settled.Add(pending[i]);
                continue;
            }

            var quantity = QuantityToList.Of(levels, channel.LocationIds, channel.StockRules, row.StockRules()).Quantity;
            var accepted = row.SyncLastUpdate is not null && row.SyncError is null && row.SyncQuantity == quantity;
            if (accepted && !pending[i].Force)
            {
                settled.Add(pending[i]);
                continue;
            }

            var perFeed = options.Value.MessagesPerFeed;
            send.Add(new PlannedQuantity(row.RowKey, row.Sku, quantity, (send.Count % perFeed) + 1, pending[i].ETag, pending[i].MarkedAt, row.SyncQuantity is > 0 && row.SyncError is null, claimed.ContainsKey(row.RowKey)));
        }

        // A claimed listing that is sent gets its flag with its result (one write, not two); the others get it now.
        var sent = send.Select(m => m.ListingId).ToHashSet(StringComparer.Ordinal);
        await results.SetSkuClaimedAsync(channel.ChannelId, [.. claimed.Values.Where(r => !sent.Contains(r.RowKey))], claimed: true, cancellationToken);
        await marks.RemoveAsync(channel.ChannelId, settled, cancellationToken);
        request.Settled = settled.Count;
        if (send.Count == 0)
        {
            request.MoveTo(StockSubmissionStatus.NothingToSend, now);
            return null;
        }

        request.Messages = send.Count;
        request.PlanBlob = $"{channel.ChannelId}/{request.RowKey}.json";
        request.Transport = send.Count <= options.Value.PatchThreshold ? "patch" : "feed";
        request.ToZero = send.Count(m => m.Quantity == 0 && m.WasPositive);
        request.LinkedListings = (await counts.ReadAsync(channel.ChannelId, cancellationToken)).Linked;
        if (request.Transport == "feed")
        {
            request.SetFeedSteps(Enumerable.Range(0, (send.Count + options.Value.MessagesPerFeed - 1) / options.Value.MessagesPerFeed)
                .Select(k => new FeedProgress(k * options.Value.MessagesPerFeed, Math.Min(options.Value.MessagesPerFeed, send.Count - (k * options.Value.MessagesPerFeed)))));
        }

        await submissions.WritePlanAsync(request.PlanBlob, send, cancellationToken);
        var limit = Math.Max(options.Value.HoldMinimum, options.Value.HoldZeroShare * request.LinkedListings);
        if (request.ToZero > limit)
        {
            request.MoveTo(
                StockSubmissionStatus.Held,
                now,
                $"It would set {request.ToZero} of the channel's {request.LinkedListings} linked listings from a positive quantity to 0, more than {options.Value.HoldZeroShare:P0}: nothing was sent. Confirm it to send, or discard it.");
            LogHeld(logger, channel.ChannelId, request.ToZero, request.LinkedListings);
        }
        else
        {
            request.MoveTo(StockSubmissionStatus.Submitting, now);
        }

        await CheckpointAsync(request, cancellationToken);
        return send;
    }

    /// <summary>
    /// Every change of a listing's eligibility marks it, so the plan sees them all: it claims the SKUs of listings now
    /// eligible (the listings it returns, by id, to be flagged claimed: with their result when sent, by the plan when
    /// not) and releases those of listings no longer eligible (the flag cleared first). A crash between claim and flag
    /// is mended by the next plan, which reads the same marks (they stay until the result is on the listing): an
    /// unflagged eligible listing is claimed again; an ineligible one is released again if it is flagged or was ever sent.
    /// </summary>
    private async Task<Dictionary<string, ListingEntity>> UpdateClaimsAsync(Channel channel, IEnumerable<ListingEntity?> rows, CancellationToken cancellationToken)
    {
        var read = rows.OfType<ListingEntity>().ToList();
        var claim = read.Where(r => !r.SkuClaimed && SyncEligibilityRule.Of(r) == SyncEligibility.Eligible).ToList();
        var release = read.Where(r => (r.SkuClaimed || r.SyncUpdateDate is not null) && SyncEligibilityRule.Of(r) != SyncEligibility.Eligible).ToList();
        await claims.ClaimAsync(channel, [.. claim.Select(r => new ClaimedSku(r.RowKey, r.Sku))], cancellationToken);
        await results.SetSkuClaimedAsync(channel.ChannelId, release, claimed: false, cancellationToken);
        await claims.ReleaseAsync(channel, [.. release.Select(r => new ClaimedSku(r.RowKey, r.Sku))], cancellationToken);
        return claim.DistinctBy(r => r.RowKey).ToDictionary(r => r.RowKey, StringComparer.Ordinal);
    }

    /// <summary>The stock levels of the rows' linked items, read by <see cref="Storage.KeyedReads"/> (by range where they are dense, as in a Force Update).</summary>
    private async Task<Dictionary<string, IReadOnlyDictionary<string, int>>> StockOfAsync(IEnumerable<ListingEntity?> rows, CancellationToken cancellationToken)
    {
        var itemIds = rows.Where(r => r is { IsLinked: true, LinkedItemId: not null }).Select(r => r!.LinkedItemId!).Distinct(StringComparer.Ordinal);
        var found = await items.GetEntitiesAsync(itemIds, ReadsInFlight, cancellationToken);
        return found.ToDictionary(f => f.Key, f => (IReadOnlyDictionary<string, int>)f.Value.ToItem().StockLevels, StringComparer.Ordinal);
    }

    private async Task<Step> SubmitAsync(Channel channel, StockSubmissionEntity request, IReadOnlyList<PlannedQuantity> plan, CancellationToken cancellationToken)
    {
        if (request.Transport == "patch")
        {
            // A patch's answer is its result (ACCEPTED or INVALID): applied at once, no report to wait for.
            var outcomes = (await PatchAsync(channel, request, plan, cancellationToken)).ToDictionary(o => o.MessageId);
            (request.Succeeded, request.Failed) = await ApplyAsync(channel, plan, id => outcomes.TryGetValue(id, out var o) ? o.Error : "No answer from patchListingsItem.", cancellationToken);
            return Finish(request);
        }

        await SubmitFeedsAsync(channel, request, plan, cancellationToken);
        request.MoveTo(StockSubmissionStatus.Processing, clock.GetUtcNow());
        return Step.Continue;
    }

    /// <summary>One patchListingsItem per quantity, the answers recorded every few; a crash re-sends at most those since the last record.</summary>
    private async Task<List<PatchOutcome>> PatchAsync(Channel channel, StockSubmissionEntity request, IReadOnlyList<PlannedQuantity> plan, CancellationToken cancellationToken)
    {
        const int RecordEvery = 10;
        var client = await ListingsAsync(channel, cancellationToken);
        var outcomes = request.PatchSteps();
        for (var i = request.PatchesSent; i < plan.Count; i++)
        {
            string? error;
            try
            {
                var answer = await client.PatchQuantityAsync(channel.AccountId, plan[i].Sku, channel.MarketplaceIds.ToList(), plan[i].Quantity, cancellationToken);
                error = answer.IsAccepted ? null : answer.FirstError is { } issue ? $"{issue.Code}: {issue.Message}" : $"Amazon answered {answer.Status}.";
            }
            catch (SpApiException e) when ((int)e.StatusCode is 400 or 404)
            {
                // Amazon refused this SKU's patch (not the call): the listing shows why, the others go on.
                error = $"{e.Code}: {e.Error.Message}";
            }

            outcomes.Add(new PatchOutcome(plan[i].MessageId, error));
            request.PatchesSent = i + 1;
            if (request.PatchesSent % RecordEvery == 0 || request.PatchesSent == plan.Count)
            {
                request.PatchOutcomes = System.Text.Json.JsonSerializer.Serialize(outcomes);
                await CheckpointAsync(request, cancellationToken);
            }
        }

        return outcomes;
    }

    private async Task SubmitFeedsAsync(Channel channel, StockSubmissionEntity request, IReadOnlyList<PlannedQuantity> plan, CancellationToken cancellationToken)
    {
        var client = await FeedsAsync(channel, cancellationToken);
        var feeds = request.FeedSteps();
        foreach (var feed in feeds.Where(f => f.FeedId is null))
        {
            async Task RecordAsync()
            {
                request.SetFeedSteps(feeds);
                await CheckpointAsync(request, cancellationToken);
            }

            if (feed.CreateAttemptedAt is { } attempted && await FindCreatedAsync(client, request, feeds, attempted, cancellationToken) is { } found)
            {
                feed.FeedId = found;
                LogRecovered(logger, channel.ChannelId, found);
                await RecordAsync();
                continue;
            }

            var now = clock.GetUtcNow();
            if (feed.DocumentId is null || (!feed.Uploaded && now - feed.DocumentCreatedAt >= UploadUrlLifetime))
            {
                var document = await client.CreateFeedDocumentAsync(JsonListingsFeed.ContentType, cancellationToken);
                (feed.DocumentId, feed.UploadUrl, feed.DocumentCreatedAt, feed.Uploaded) = (document.FeedDocumentId, document.Url, now, false);
                await RecordAsync();
            }

            if (!feed.Uploaded)
            {
                var messages = plan.Skip(feed.First).Take(feed.Count).Select(m => new QuantityMessage(m.MessageId, m.Sku, m.Quantity)).ToList();
                await client.UploadFeedDocumentAsync(new FeedDocument(feed.DocumentId, feed.UploadUrl!), JsonListingsFeed.ContentType, JsonListingsFeed.Write(channel.AccountId, messages), cancellationToken);
                feed.Uploaded = true;
                await RecordAsync();
            }

            feed.CreateAttemptedAt = clock.GetUtcNow();
            await RecordAsync();
            feed.FeedId = await client.CreateFeedAsync(JsonListingsFeed.FeedType, channel.MarketplaceIds.ToList(), feed.DocumentId, cancellationToken);
            LogSubmitted(logger, channel.ChannelId, feed.FeedId, feed.Count);
            await RecordAsync();
        }
    }

    /// <summary>
    /// A createFeed that may have reached Amazon without its answer reaching us: the seller's JSON_LISTINGS_FEED created
    /// since the attempt that is none of this submission's feeds (nor one Amazon aborted before). This app is the only sender of that feed type for the
    /// channel's seller and region, and the slot lets one submission of the channel run at a time, so such a feed is ours.
    /// </summary>
    private static async Task<string?> FindCreatedAsync(SpApiFeedsClient client, StockSubmissionEntity request, List<FeedProgress> feeds, DateTimeOffset attempted, CancellationToken cancellationToken)
    {
        var known = feeds.Select(f => f.FeedId).OfType<string>().Concat(request.AbortedFeedIds?.Split(',') ?? []).ToHashSet(StringComparer.Ordinal);
        var created = await client.GetFeedsAsync(JsonListingsFeed.FeedType, attempted - ClockSkew, cancellationToken);
        return created.Where(f => !known.Contains(f.FeedId)).OrderBy(f => f.CreatedTime).Select(f => f.FeedId).FirstOrDefault();
    }

    private static IReadOnlyCollection<PendingMark> Marks(IEnumerable<PlannedQuantity> plan) => [.. plan.Select(m => new PendingMark(m.ListingId, m.MarkedAt, m.MarkETag))];

    private SpApiCallPolicy Policy => new(Retry: true, options.Value.MaxRateLimitWait);

    private async Task<SpApiFeedsClient> FeedsAsync(Channel channel, CancellationToken cancellationToken)
    {
        var client = await connections.CreateFeedsClientAsync(channel, cancellationToken, Policy);
        return client.IsSuccess ? client.Value : throw new ChannelCredentialsMissingException(client.Error.Detail);
    }

    private async Task<SpApiListingsClient> ListingsAsync(Channel channel, CancellationToken cancellationToken)
    {
        var client = await connections.CreateListingsClientAsync(channel, cancellationToken, Policy);
        return client.IsSuccess ? client.Value : throw new ChannelCredentialsMissingException(client.Error.Detail);
    }

    [LoggerMessage(LogLevel.Information, "Channel {ChannelId}: submitted feed {FeedId} with {Messages} quantities")]
    private static partial void LogSubmitted(ILogger logger, string channelId, string feedId, int messages);

    [LoggerMessage(LogLevel.Warning, "Channel {ChannelId}: a createFeed whose answer was lost had created feed {FeedId}; following it")]
    private static partial void LogRecovered(ILogger logger, string channelId, string feedId);

    [LoggerMessage(LogLevel.Warning, "Channel {ChannelId}: stock submission held: {ToZero} of {Linked} linked listings would go to 0")]
    private static partial void LogHeld(ILogger logger, string channelId, int toZero, long linked);

    [LoggerMessage(LogLevel.Information, "Channel {ChannelId}: stock submission {RequestId} done: {Succeeded} applied, {Failed} refused")]
    private static partial void LogDone(ILogger logger, string channelId, string requestId, int succeeded, int failed);
}
