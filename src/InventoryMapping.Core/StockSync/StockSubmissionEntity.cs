using System.Text.Json;
using Azure;
using InventoryMapping.Lifecycle;

namespace InventoryMapping.StockSync;

/// <summary>
/// Row of the StockSubmissions table: one stock submission of a channel (partition = channel id, log-tail row key,
/// newest first), followed by the lifecycle in the channel's slot <c>!slot:stockSubmission</c>. What it sends is in
/// the blob <see cref="PlanBlob"/>; its feeds' steps are in <see cref="Feeds"/>.
/// </summary>
public sealed class StockSubmissionEntity : ITrackedRequest
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Error { get; set; }

    public int TransientFailures { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string Status { get; set; } = nameof(StockSubmissionStatus.Planning);

    public DateTimeOffset StatusSince { get; set; }

    /// <summary><c>feed</c> or <c>patch</c>.</summary>
    public string? Transport { get; set; }

    public int Messages { get; set; }

    /// <summary>Listings marked but needing nothing sent (their quantity is what Amazon has, or they are not eligible).</summary>
    public int Settled { get; set; }

    /// <summary>Quantities the submission sets from positive to 0 (the safety rail's count).</summary>
    public int ToZero { get; set; }

    /// <summary>The channel's linked listings when it was planned (the safety rail's base).</summary>
    public long LinkedListings { get; set; }

    /// <summary>A user confirmed it past the safety rail.</summary>
    public bool Confirmed { get; set; }

    /// <summary>Messages Amazon applied and refused: the sum over the feeds (or the patches' answers), recomputed, never added to.</summary>
    public int Succeeded { get; set; }

    public int Failed { get; set; }

    /// <summary>Feeds Amazon ended FATAL or CANCELLED that this submission sent again (each back-off waits longer).</summary>
    public int FeedRetries { get; set; }

    /// <summary>Ids of those feeds, comma-separated: none of them is a lost createFeed answer of a later attempt.</summary>
    public string? AbortedFeedIds { get; set; }

    public string? PlanBlob { get; set; }

    /// <summary>JSON list of <see cref="FeedProgress"/>.</summary>
    public string? Feeds { get; set; }

    public int PatchesSent { get; set; }

    /// <summary>JSON list of <see cref="PatchOutcome"/> (patch submissions are small).</summary>
    public string? PatchOutcomes { get; set; }

    public StockSubmissionStatus SubmissionStatus => Enum.Parse<StockSubmissionStatus>(Status);

    public void MoveTo(StockSubmissionStatus status, DateTimeOffset now, string? error = null)
    {
        Status = status.ToString();
        StatusSince = now;
        Error = error;
    }

    public List<FeedProgress> FeedSteps() => Feeds is null ? [] : JsonSerializer.Deserialize<List<FeedProgress>>(Feeds) ?? [];

    public void SetFeedSteps(IEnumerable<FeedProgress> feeds) => Feeds = JsonSerializer.Serialize(feeds);

    public List<PatchOutcome> PatchSteps() => PatchOutcomes is null ? [] : JsonSerializer.Deserialize<List<PatchOutcome>>(PatchOutcomes) ?? [];

    public StockSubmission ToSubmission() => new(
        RowKey, SubmissionStatus, Transport, Messages, Settled, ToZero, LinkedListings, Succeeded, Failed, FeedSteps().Select(f => f.FeedId).OfType<string>().ToList(),
        RequestedAt, StatusSince, CompletedAt, Error)
    {
        FeedRetries = FeedRetries,
        NextAttemptAt = SubmissionStatus is StockSubmissionStatus.Processing or StockSubmissionStatus.Submitting ? NextAttemptAt : null,
    };
}
